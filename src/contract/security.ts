/**
 * Signing in safely: the host's single sign-on providers (OpenID Connect), its two-factor policy, and
 * each person's own second factor and signed-in devices. Turning the second factor on, verifying codes
 * and signing in through a provider are the accounts library's own endpoints (under /api/auth/),
 * described at the end of this file for the browser.
 */
import { z } from 'zod';
import { hostParams, id, name, out } from './fields.ts';
import { route } from './route.ts';

/** The short name in a provider's callback URL (`/api/auth/callback/sso-<slug>`); it never changes. */
export const ssoSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'Use 3 to 40 lower-case letters, digits or hyphens.');

/** An e-mail domain such as example.org. */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Enter a domain such as example.org.',
  );

export const issuerUrl = z
  .url({ protocol: /^https?$/ })
  .trim()
  .max(500);

const secret = z.string().trim().min(1).max(2000);

/** A provider as an admin sees it: the client secret never leaves the server, only whether it is set. */
export const ssoProvider = z.object({
  id: out.id,
  slug: out.text,
  name: out.text,
  issuer: out.text,
  clientId: out.text,
  clientSecretSet: z.boolean(),
  domains: z.array(out.text),
  allowJoin: z.boolean(),
  enabled: z.boolean(),
  /** The redirect URI to register with the provider. */
  callbackUrl: out.text,
});
export type SsoProvider = z.infer<typeof ssoProvider>;

export const listSsoProviders = route({
  method: 'GET',
  path: '/api/hosts/:hostId/sso-providers',
  tags: ['security'],
  summary: 'The single sign-on providers people of the host may sign in with (host admins)',
  params: hostParams,
  response: z.object({ providers: z.array(ssoProvider) }),
});

export const createSsoProvider = route({
  method: 'POST',
  path: '/api/hosts/:hostId/sso-providers',
  tags: ['security'],
  summary: 'Add an OpenID Connect provider',
  params: hostParams,
  status: 201,
  body: z.strictObject({
    slug: ssoSlug,
    name,
    issuer: issuerUrl,
    clientId: secret,
    clientSecret: secret,
    domains: z.array(emailDomain).max(50),
    allowJoin: z.boolean(),
    enabled: z.boolean().default(true),
  }),
  response: ssoProvider,
});

export const ssoProviderParams = z.strictObject({ hostId: id, providerId: id });

export const updateSsoProvider = route({
  method: 'PATCH',
  path: '/api/hosts/:hostId/sso-providers/:providerId',
  tags: ['security'],
  summary: 'Change a provider; a client secret sent replaces the stored one, none keeps it',
  params: ssoProviderParams,
  body: z.strictObject({
    name: name.optional(),
    issuer: issuerUrl.optional(),
    clientId: secret.optional(),
    clientSecret: secret.optional(),
    domains: z.array(emailDomain).max(50).optional(),
    allowJoin: z.boolean().optional(),
    enabled: z.boolean().optional(),
  }),
  response: ssoProvider,
});
export type SsoProviderPatch = z.output<typeof updateSsoProvider.body>;

export const deleteSsoProvider = route({
  method: 'DELETE',
  path: '/api/hosts/:hostId/sso-providers/:providerId',
  tags: ['security'],
  summary: 'Remove a provider (people who used it sign in another way)',
  params: ssoProviderParams,
  status: 204,
  response: null,
});

/** What the sign-in page offers: the enabled providers, by name. */
export const signInOptions = route({
  method: 'GET',
  path: '/api/sign-in-options',
  tags: ['security'],
  summary: 'The single sign-on providers the sign-in page offers',
  public: true,
  response: z.object({
    providers: z.array(z.object({ providerId: out.text, name: out.text })),
  }),
});

export const signInPolicy = z.object({
  /** Host admins and coordinators must sign in with a second factor. */
  requireTwoFactor: z.boolean(),
});
export type SignInPolicy = z.infer<typeof signInPolicy>;

export const getSignInPolicy = route({
  method: 'GET',
  path: '/api/hosts/:hostId/sign-in-policy',
  tags: ['security'],
  summary: "The host's sign-in policy (host admins)",
  params: hostParams,
  response: signInPolicy,
});

export const updateSignInPolicy = route({
  method: 'PUT',
  path: '/api/hosts/:hostId/sign-in-policy',
  tags: ['security'],
  summary: 'Require (or stop requiring) a second factor for host admins and coordinators',
  params: hostParams,
  body: z.strictObject({ requireTwoFactor: z.boolean() }),
  response: signInPolicy,
});

/** Your own sign-in security. */
export const mySecurity = z.object({
  twoFactorEnabled: z.boolean(),
  /** The host requires a second factor of someone in your roles. */
  twoFactorRequired: z.boolean(),
  /** You have a password (turning the second factor on or off asks for it). */
  hasPassword: z.boolean(),
});
export type MySecurity = z.infer<typeof mySecurity>;

export const getMySecurity = route({
  method: 'GET',
  path: '/api/me/security',
  tags: ['security'],
  summary: 'Whether you use a second factor, and whether the host requires one of you',
  response: mySecurity,
});

export const device = z.object({
  id: out.id,
  /** Browser and system, read from the user agent, e.g. "Firefox on Linux". */
  browser: out.text,
  os: out.text,
  ipAddress: out.text.nullable(),
  signedInAt: out.instant,
  lastActiveAt: out.instant,
  thisDevice: z.boolean(),
});
export type Device = z.infer<typeof device>;

export const listMyDevices = route({
  method: 'GET',
  path: '/api/me/sessions',
  tags: ['security'],
  summary: 'The devices you are signed in on',
  response: z.object({ devices: z.array(device) }),
});

export const signOutDevice = route({
  method: 'DELETE',
  path: '/api/me/sessions/:id',
  tags: ['security'],
  summary: 'Sign one of your devices out (its open live rooms close at once)',
  params: z.strictObject({ id: out.id.min(1).max(100) }),
  status: 204,
  response: null,
});

export const signOutOtherDevices = route({
  method: 'POST',
  path: '/api/me/sessions/sign-out-others',
  tags: ['security'],
  summary: 'Sign out every device but this one',
  body: z.strictObject({}),
  response: z.object({ signedOut: z.number().int() }),
});

// The accounts library's two-factor and single sign-on endpoints the browser calls.

const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your app.');

export const enableTwoFactor = route({
  method: 'POST',
  path: '/api/auth/two-factor/enable',
  tags: ['accounts'],
  summary: 'Start turning the second factor on: answers the secret (as an otpauth URI) and recovery codes',
  public: true,
  body: z.object({ password: z.string().min(1).optional(), issuer: z.string().optional() }),
  response: z.object({ totpURI: z.string(), backupCodes: z.array(z.string()) }),
});

export const disableTwoFactor = route({
  method: 'POST',
  path: '/api/auth/two-factor/disable',
  tags: ['accounts'],
  summary: 'Turn the second factor off',
  public: true,
  body: z.object({ password: z.string().min(1).optional() }),
});

export const verifyTotp = route({
  method: 'POST',
  path: '/api/auth/two-factor/verify-totp',
  tags: ['accounts'],
  summary: 'Confirm a code from the authenticator app (to finish signing in, or to turn the factor on)',
  public: true,
  body: z.object({ code, trustDevice: z.boolean().optional() }),
});

export const verifyBackupCode = route({
  method: 'POST',
  path: '/api/auth/two-factor/verify-backup-code',
  tags: ['accounts'],
  summary: 'Finish signing in with a recovery code (each works once)',
  public: true,
  body: z.object({ code: z.string().trim().min(1).max(50) }),
});

export const signInSocial = route({
  method: 'POST',
  path: '/api/auth/sign-in/social',
  tags: ['accounts'],
  summary: "Start signing in through a single sign-on provider: answers the provider's URL",
  public: true,
  body: z.object({
    provider: z.string(),
    callbackURL: z.string(),
    errorCallbackURL: z.string(),
    newUserCallbackURL: z.string().optional(),
  }),
  response: z.object({ url: z.string(), redirect: z.boolean() }),
});
