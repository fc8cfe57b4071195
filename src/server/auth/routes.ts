import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymous } from '../../domain/access.ts';
import { extend } from '../../shared/objects.ts';
import { audit, personLabel } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { twoFactorRequiredOf } from '../features/security/service.ts';
import { Problem, type ProblemBody, type ProblemCode, problemBody, problemCodes } from '../http/problem.ts';
import { nestedDeeperThan } from '../http/validator.ts';
import { installViewerCache, type RememberedActor } from '../http/viewer-cache.ts';
import { withAccounts } from './accounts-context.ts';
import { loadActor } from './actor.ts';
import { clientIpHeader } from './auth.ts';
import { type CachedSession, SessionCache } from './session-cache.ts';

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
  const cookieName = `${ctx.config.publicUrl.startsWith('https:') ? '__Secure-' : ''}revans.session_token`;
  const sessions = new SessionCache();
  ctx.bus.onSignal((signal) => {
    if (signal.kind === 'session-ended')
      sessions.evict({ sessionId: signal.sessionId, userId: signal.userId });
    else if (signal.kind === 'user-changed') sessions.evict({ userId: signal.userId });
  });
  /** The accounts library's own lookup: verifies the cookie's signature, reads the session and user. */
  const lookUp = async (request: FastifyRequest): Promise<CachedSession | null> => {
    const found = await withAccounts(() => ctx.auth.api.getSession({ headers: fetchHeaders(request) }));
    if (!found) return null;
    return {
      sessionId: found.session.id,
      userId: found.user.id,
      twoFactorEnabled: Boolean((found.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled),
      expiresAt: new Date(found.session.expiresAt).getTime(),
    };
  };
  app.decorateRequest('sessionId', null);
  installViewerCache(app, ctx.viewerCache);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    request.sessionId = null;
  });
  const viewers = ctx.viewerCache;
  /**
   * The person, and whether their role needs a second factor when that is already known (`null`: ask
   * only if it matters). Both remembered while no row changes, where the viewer cache runs.
   */
  const whoIs = async (
    request: FastifyRequest,
    userId: string,
  ): Promise<{ signedIn: RememberedActor['signedIn']; twoFactorRequired: boolean | null } | undefined> => {
    const version = viewers ? await viewers.version() : null;
    request.dataVersion = version;
    if (version === null) {
      const signedIn = await loadActor(ctx.store.plain, userId);
      return signedIn ? { signedIn, twoFactorRequired: null } : undefined;
    }
    const remembered = viewers?.actor(userId, version);
    if (remembered) return remembered;
    const signedIn = await loadActor(ctx.store.plain, userId);
    if (!signedIn) return undefined;
    const found = { signedIn, twoFactorRequired: await twoFactorRequiredOf(ctx, signedIn.actor) };
    viewers?.rememberActor(userId, version, found);
    return found;
  };
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || publicPrefixes.some((prefix) => request.url.startsWith(prefix)))
      return;
    if (!request.routeOptions.url) return;
    const cookie = request.headers.cookie?.includes('revans.session_token')
      ? request.cookies[cookieName]
      : undefined;
    if (cookie) {
      const session = await sessions.resolve(cookie, () => lookUp(request));
      if (session) {
        const found = await whoIs(request, session.userId);
        if (found) {
          // The client's address travels with the actor to the audit trail of whatever this request changes.
          request.actor = extend(found.signedIn.actor, { ip: request.ip });
          request.sessionId = session.sessionId;
          if (
            !session.twoFactorEnabled &&
            !isPublicRoute(request) &&
            !reachableBeforeTwoFactor(request.url) &&
            (found.twoFactorRequired ?? (await twoFactorRequiredOf(ctx, found.signedIn.actor)))
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

/** Sentences a person can act on, for the accounts library's error codes that people meet. */
const authErrorDetails: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD:
    'The email address or password is not right. Check them and try again, or ask for a password reset link.',
  INVALID_TOKEN:
    'This password reset link has already been used or has expired. Ask for a new link from the sign-in page.',
  INVALID_PASSWORD: 'The password is not right.',
  PASSWORD_TOO_SHORT: 'The new password is too short.',
  PASSWORD_TOO_LONG: 'The new password is too long.',
  EMAIL_NOT_VERIFIED: 'Please confirm your email address first.',
};

const codeForStatus: Record<number, ProblemCode> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation-failed',
  429: 'rate-limited',
};

/** The accounts library answers errors as { code, message }: Revans answers every error as problem+json. */
export function authErrorProblem(status: number, text: string): ProblemBody {
  let parsed: { code?: unknown; message?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON: the status alone says what happened.
  }
  const libraryCode = typeof parsed.code === 'string' ? parsed.code : undefined;
  const code = codeForStatus[status] ?? (status >= 500 ? 'internal' : 'validation-failed');
  const detail =
    (libraryCode && authErrorDetails[libraryCode]) ||
    (typeof parsed.message === 'string' && parsed.message) ||
    problemCodes[code].title;
  return { ...problemBody(code, detail), status };
}

/** The sign-in answer names the user; the session token travels only in its HttpOnly cookie. */
const tokenBearingPaths = ['/api/auth/sign-in/', '/api/auth/sign-up/'];

function withoutToken(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (body && typeof body === 'object' && 'token' in body) {
      delete body.token;
      return JSON.stringify(body);
    }
  } catch {
    // Not JSON: nothing to strip.
  }
  return text;
}

async function personOfUser(ctx: AppContext, userId: string) {
  return ctx.db
    .selectFrom('person')
    .select(['id', 'hostId', 'name', 'email'])
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** Sign-ins, failed sign-ins and sign-outs go to the audit trail (after the library has answered). */
async function auditAuth(
  ctx: AppContext,
  request: FastifyRequest,
  path: string,
  status: number,
  text: string,
  signingOut: { userId: string } | null,
): Promise<void> {
  const ip = request.ip;
  if (path.startsWith('/api/auth/sign-in/email') && (status === 200 || status === 401)) {
    const typed = (request.body as { email?: unknown } | undefined)?.email;
    const email = typeof typed === 'string' ? typed.trim().toLowerCase().slice(0, 254) : '';
    let userId: string | undefined;
    if (status === 200) {
      try {
        userId = (JSON.parse(text) as { user?: { id?: string } }).user?.id;
      } catch {
        userId = undefined;
      }
    }
    const person = userId
      ? await personOfUser(ctx, userId)
      : await ctx.db
          .selectFrom('person')
          .select(['id', 'hostId', 'name', 'email'])
          .where('email', '=', email)
          .executeTakeFirst();
    const hostId = person?.hostId ?? (await onlyHost(ctx));
    const target = person
      ? { type: 'person' as const, id: person.id, label: personLabel(person) }
      : undefined;
    if (status === 200) {
      await audit(ctx, { hostId, actorId: person?.id ?? null, action: 'auth.signIn', target, ip });
    } else {
      await audit(ctx, {
        hostId,
        actorId: null,
        actorLabel: email || 'unknown',
        action: 'auth.signInFailed',
        outcome: 'failure',
        target,
        ip,
        details: { knownAddress: Boolean(person) },
      });
    }
  }
  if (path.startsWith('/api/auth/sign-out') && status === 200 && signingOut) {
    const person = await personOfUser(ctx, signingOut.userId);
    if (person)
      await audit(ctx, {
        hostId: person.hostId,
        actorId: person.id,
        action: 'auth.signOut',
        target: { type: 'person', id: person.id, label: personLabel(person) },
        ip,
      });
  }
}

/** A failed sign-in with an address no one has is the host's to see when there is only one host. */
async function onlyHost(ctx: AppContext): Promise<string | null> {
  const hosts = await ctx.db.selectFrom('host').select('id').limit(2).execute();
  return hosts.length === 1 ? hosts[0]!.id : null;
}

/** How deep a body the library's endpoints read: an object of values, a list or object in it at most. */
const libraryBodyLevels = 3;

/** better-auth's own endpoints (sign-in, sign-out, password reset, session) under /api/auth/. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, ctx.config.publicUrl);
      const path = url.pathname;
      // The library's endpoints each read a flat object; anything nested deeper is refused here, before
      // it is written out again for the library (which would recurse as deep as the body goes).
      if (nestedDeeperThan(request.body, libraryBodyLevels))
        throw new Problem(
          'validation-failed',
          'Send the request body as a JSON object nested at most {{levels}} levels deep.',
          undefined,
          { levels: libraryBodyLevels },
        );
      const body =
        request.method === 'POST' && request.body !== undefined ? JSON.stringify(request.body) : undefined;
      const headers = fetchHeaders(request);
      // Who is signing out, read before the session ends, for the audit trail.
      const signingOut =
        path.startsWith('/api/auth/sign-out') && request.headers.cookie?.includes('revans.session_token')
          ? await withAccounts(() => ctx.auth.api.getSession({ headers }))
              .then((s) => (s ? { userId: s.user.id } : null))
              .catch(() => null)
          : null;
      const response = await withAccounts(() =>
        ctx.auth.handler(new Request(url, { method: request.method, headers, body })),
      );
      reply.status(response.status);
      for (const [name, value] of response.headers) {
        const lower = name.toLowerCase();
        if (lower !== 'set-cookie' && lower !== 'content-length') reply.header(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      await auditAuth(ctx, request, path, response.status, text, signingOut).catch((error) =>
        request.log.error({ err: error }, 'could not record a sign-in in the audit trail'),
      );
      if (response.status >= 400) {
        return reply.type('application/problem+json').send(authErrorProblem(response.status, text));
      }
      if (tokenBearingPaths.some((p) => path.startsWith(p))) return reply.send(withoutToken(text));
      return reply.send(text);
    },
  });
}
