import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { i18n } from 'i18next';
import { maxPasswordLength, minPasswordLength } from '../../contract/fields.ts';
import type { Config } from '../config.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { renderActionMail } from '../mail/templates.ts';
import type { Store } from '../store/db.ts';
import { ssoProviders, ssoSessionCreateCheck, ssoUserCreateCheck, ssoUserCreated } from './sso.ts';

export const clientIpHeader = 'x-revans-client-ip';

const argon2Options = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, unreadable under verbatimModuleSyntax */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function createAuth(deps: {
  config: Config;
  store: Store;
  i18n: i18n;
  onMailQueued: () => void;
  /** Called for every session the accounts library deletes: sign-out, revocation, password reset. */
  onSessionEnded: (session: { id: string; userId: string }) => void | Promise<void>;
  /** Called for every account the accounts library updates (two-factor on or off, name, password). */
  onUserChanged?: (userId: string) => void | Promise<void>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const { config, store } = deps;
  return betterAuth({
    appName: 'Revans',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    database: { db: store.plain, type: store.kind === 'postgres' ? 'postgres' : 'sqlite' },
    trustedOrigins: [new URL(config.publicUrl).origin],
    telemetry: { enabled: false },
    logger: { level: 'error' },
    emailAndPassword: {
      enabled: true,
      // Accounts come only from first-run setup and invitations, never from open sign-up.
      disableSignUp: true,
      minPasswordLength,
      maxPasswordLength,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        hash: (password) => hash(password, argon2Options),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      sendResetPassword: async ({ user, token }) => {
        const person = await store.plain
          .selectFrom('person')
          .innerJoin('host', 'host.id', 'person.host_id')
          .select(['person.host_id', 'person.language', 'host.name as host_name'])
          .where('person.user_id', '=', user.id)
          .executeTakeFirst();
        const url = `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        const mail = renderActionMail(deps.i18n, {
          kind: 'passwordReset',
          language: person?.language ?? 'en',
          vars: { name: user.name, hostName: person?.host_name ?? 'Revans' },
          actionUrl: url,
        });
        await enqueueMail(
          store.plain,
          { ...mail, hostId: person?.host_id ?? null, to: user.email },
          new Date(),
        );
        deps.onMailQueued();
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    plugins: [
      // TOTP with recovery codes. A person with a password confirms it to turn the second factor on or
      // off; someone who only signs in through single sign-on has none to give.
      twoFactor({ issuer: 'Revans', allowPasswordless: true, backupCodeOptions: { amount: 10 } }),
      ssoProviders(store.plain),
    ],
    databaseHooks: {
      user: {
        create: {
          before: async (user, context) => {
            await ssoUserCreateCheck(store.plain, user, context);
          },
          after: async (user, context) => {
            await ssoUserCreated(store.plain, user, context, now);
          },
        },
        update: {
          after: async (user) => {
            await deps.onUserChanged?.(user.id);
          },
        },
      },
      session: {
        create: {
          before: async (session, context) => {
            await ssoSessionCreateCheck(store.plain, session, context);
          },
        },
        delete: {
          after: async (session) => deps.onSessionEnded({ id: session.id, userId: session.userId }),
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: config.signInRateLimit.windowSeconds, max: config.signInRateLimit.max },
        '/sign-in/social': { window: config.signInRateLimit.windowSeconds, max: config.signInRateLimit.max },
        '/two-factor/*': { window: config.signInRateLimit.windowSeconds, max: config.signInRateLimit.max },
        '/request-password-reset': {
          window: config.signInRateLimit.windowSeconds,
          max: config.signInRateLimit.max,
        },
      },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      cookiePrefix: 'revans',
      database: { generateId: () => crypto.randomUUID() },
      // The server sets this header from the socket (or a trusted proxy) and drops any client value.
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
