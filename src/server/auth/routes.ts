import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymous } from '../../domain/access.ts';
import type { AppContext } from '../context.ts';
import { twoFactorRequiredOf } from '../features/security/service.ts';
import { Problem } from '../http/problem.ts';
import { loadActor } from './actor.ts';
import { clientIpHeader } from './auth.ts';

export function fetchHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === clientIpHeader) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  headers.set(clientIpHeader, request.ip);
  return headers;
}

/** The accounts library's endpoints and the API's own documentation are open to everyone. */
const publicPrefixes = ['/api/auth/', '/api/docs', '/api/openapi.json'];

function isPublicRoute(request: FastifyRequest): boolean {
  const schema = request.routeOptions.schema as { security?: unknown[] } | undefined;
  return Array.isArray(schema?.security) && schema.security.length === 0;
}

/**
 * What someone the host requires a second factor of may reach before setting it up: who they are and
 * their own sign-in security (the two-factor endpoints themselves are the accounts library's).
 */
const setUpFirstPaths = new Set(['/api/me', '/api/me/security', '/api/me/sessions', '/api/sign-in-options']);
const reachableBeforeTwoFactor = (url: string) => {
  const path = url.split('?')[0] ?? '';
  return setUpFirstPaths.has(path) || path.startsWith('/api/me/sessions/');
};

/** Resolves who is asking on every API request; non-public routes answer 401 before validating anything. */
export function installSessionResolution(app: FastifyInstance, ctx: AppContext): void {
  // A placeholder of the declared type: the onRequest hook below sets every request's actor before any handler.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    request.sessionId = null;
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || publicPrefixes.some((prefix) => request.url.startsWith(prefix)))
      return;
    if (!request.routeOptions.url) return;
    if (request.headers.cookie?.includes('revans.session_token')) {
      const session = await ctx.auth.api.getSession({ headers: fetchHeaders(request) });
      if (session) {
        const signedIn = await loadActor(ctx.store.plain, session.user.id);
        if (signedIn) {
          request.actor = signedIn.actor;
          request.sessionId = session.session.id;
          const user = session.user as { twoFactorEnabled?: boolean | null };
          if (
            !user.twoFactorEnabled &&
            !isPublicRoute(request) &&
            !reachableBeforeTwoFactor(request.url) &&
            (await twoFactorRequiredOf(ctx, signedIn.actor))
          ) {
            throw new Problem(
              'two-factor-required',
              'The host requires two-factor sign-in for your role. Turn it on in your settings first.',
            );
          }
        }
      }
    }
    if (request.actor.kind === 'anonymous' && !isPublicRoute(request)) {
      throw new Problem('unauthenticated', 'Please sign in to continue.');
    }
  });
}

/** better-auth's own endpoints (sign-in, sign-out, password reset, session) under /api/auth/. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, ctx.config.publicUrl);
      const body =
        request.method === 'POST' && request.body !== undefined ? JSON.stringify(request.body) : undefined;
      const response = await ctx.auth.handler(
        new Request(url, { method: request.method, headers: fetchHeaders(request), body }),
      );
      reply.status(response.status);
      for (const [name, value] of response.headers) {
        if (name.toLowerCase() !== 'set-cookie') reply.header(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      return reply.send(await response.text());
    },
  });
}
