/**
 * The accounts library's endpoints the browser calls (sign in, sign out, password reset). The library
 * (better-auth, under /api/auth/) serves and validates them itself, so they are not registered with
 * `registerRoute` and the OpenAPI document leaves them out; they are described here so that the
 * browser sends their bodies by one description and checks its forms with the contract's own fields.
 */
import { z } from 'zod';
import { email, password } from './fields.ts';
import { route } from './route.ts';

export const signIn = route({
  method: 'POST',
  path: '/api/auth/sign-in/email',
  tags: ['accounts'],
  summary: 'Sign in with an email address and password (sets the session cookie)',
  public: true,
  // Any password is checked against the account: its length rule applies when it is chosen.
  body: z.object({ email, password: z.string().min(1) }),
  // With a second factor on, no session yet: the browser asks for a code (see security.ts).
  response: z.object({ twoFactorRedirect: z.boolean().optional() }),
});

export const signOut = route({
  method: 'POST',
  path: '/api/auth/sign-out',
  tags: ['accounts'],
  summary: 'End this browser’s session',
  public: true,
  body: z.object({}),
});

export const requestPasswordReset = route({
  method: 'POST',
  path: '/api/auth/request-password-reset',
  tags: ['accounts'],
  summary: 'Mail a link to choose a new password (answers the same whether or not the account exists)',
  public: true,
  body: z.object({ email, redirectTo: z.string() }),
});

export const resetPassword = route({
  method: 'POST',
  path: '/api/auth/reset-password',
  tags: ['accounts'],
  summary: 'Choose a new password with the token from the mailed link; every session ends',
  public: true,
  body: z.object({ newPassword: password, token: z.string() }),
});
