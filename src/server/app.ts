import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/routes.ts';
import { installSessionResolution, registerAuthRoutes } from './auth/routes.ts';
import type { AppContext } from './context.ts';
import { actionRoutes } from './features/actions/routes.ts';
import { calendarRoutes } from './features/calendar/routes.ts';
import { closingRoutes } from './features/closing/routes.ts';
import { coachRoutes } from './features/coach/routes.ts';
import { concernRoutes } from './features/concerns/routes.ts';
import { enrolmentRoutes } from './features/enrolment/routes.ts';
import { feedbackRoutes } from './features/feedback/routes.ts';
import { formationRoutes } from './features/formation/routes.ts';
import { groundRulesRoutes } from './features/ground-rules/routes.ts';
import { hostRoutes } from './features/hosts/routes.ts';
import { invitationRoutes } from './features/invitations/routes.ts';
import { journalRoutes } from './features/journal/routes.ts';
import { meRoutes } from './features/me/routes.ts';
import { agendaRoutes } from './features/meetings/agenda-routes.ts';
import { recordRoutes } from './features/meetings/record-routes.ts';
import { meetingRoutes } from './features/meetings/routes.ts';
import { notificationRoutes } from './features/notifications/routes.ts';
import { organisationRoutes } from './features/organisations/routes.ts';
import { peopleRoutes } from './features/people/routes.ts';
import { pollRoutes } from './features/polls/routes.ts';
import { problemRoutes } from './features/problems/routes.ts';
import { programmeEventRoutes } from './features/programme-events/routes.ts';
import { programmeRoutes } from './features/programmes/routes.ts';
import { securityRoutes } from './features/security/routes.ts';
import { seriesRoutes } from './features/series/routes.ts';
import { setRoutes } from './features/sets/routes.ts';
import { setupRoutes } from './features/setup/routes.ts';
import { workshopRoutes } from './features/workshops/routes.ts';
import { installCsrfProtection } from './http/csrf.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { registerHealthRoutes } from './http/health.ts';
import { registerMetrics } from './http/metrics.ts';
import { problemBody } from './http/problem.ts';
import { documentFileAnswers, keepRouteTable } from './http/route-table.ts';
import { staticSecurityHeaders } from './http/security-headers.ts';
import { installSignInLimit, isSignInPath } from './http/sign-in-limit.ts';
import { contractValidator } from './http/validator.ts';
import { registerWebApp } from './http/web.ts';
import { registerLiveGateway } from './live/gateway.ts';

export function allowedOrigins(publicUrl: string): string[] {
  const origin = new URL(publicUrl).origin;
  const url = new URL(publicUrl);
  // A default local install is reached as localhost or 127.0.0.1 alike.
  if (url.hostname === 'localhost') return [origin, origin.replace('localhost', '127.0.0.1')];
  if (url.hostname === '127.0.0.1') return [origin, origin.replace('127.0.0.1', 'localhost')];
  return [origin];
}

/** The session cookie's real name: browsers only keep a `__Secure-` cookie set over HTTPS. */
export function sessionCookieName(publicUrl: string): string {
  return `${publicUrl.startsWith('https:') ? '__Secure-' : ''}revans.session_token`;
}

/**
 * Answers to requests Node's parser refuses before Fastify sees them (over-long headers, malformed
 * requests): problem+json with the same security headers as every other answer.
 */
function rawClientError(publicUrl: string) {
  const security = staticSecurityHeaders(publicUrl);
  return (error: Error & { code?: string }, socket: import('node:net').Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      ...problemBody(
        'validation-failed',
        tooLarge
          ? 'The request headers are larger than Revans accepts (16 KB). Clear this site’s cookies and try again.'
          : 'The request could not be read as HTTP.',
      ),
      status,
      ...(tooLarge ? { title: 'Request header fields too large' } : {}),
    });
    const head = [
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}`,
      'Content-Type: application/problem+json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      ...security.map(([name, value]) => `${name}: ${value}`),
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  };
}

/**
 * Answers to what the router refuses before any hook runs (an address part over 100 characters, a
 * malformed address): problem+json with the security headers, never the framework's own JSON.
 */
function frameworkError(publicUrl: string) {
  const security = Object.fromEntries(staticSecurityHeaders(publicUrl));
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const [status, body] =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? [
            414,
            problemBody(
              'validation-failed',
              'A part of this address is too long to name anything in Revans.',
            ),
          ]
        : error.code === 'FST_ERR_BAD_URL'
          ? [400, problemBody('validation-failed', 'This address is not valid: check how it is written.')]
          : [
              500,
              problemBody(
                'internal',
                'Revans could not finish this request. Nothing was changed; please try again.',
              ),
            ];
    return reply
      .status(status)
      .headers(security)
      .type('application/problem+json')
      .send({ ...body, status, ...(status === 414 ? { title: 'The address is too long' } : {}) });
  };
}

/** Builds the whole HTTP app without listening, so tests can use app.inject. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    clientErrorHandler: rawClientError(ctx.config.publicUrl),
    frameworkErrors: frameworkError(ctx.config.publicUrl),
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Shutdown must not wait on idle keep-alive or half-open connections.
    forceCloseConnections: true,
  });
  keepRouteTable(app);
  app.setValidatorCompiler(contractValidator);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, ctx.i18n);
  // First of all hooks: a flood of sign-in attempts is refused before anything else runs for it.
  installSignInLimit(
    app,
    ctx.config.signInRateLimit,
    Object.fromEntries(staticSecurityHeaders(ctx.config.publicUrl)),
  );

  // JSON is the only body the API reads (and forms where a route adds its parser): anything else is 415.
  app.removeContentTypeParser('text/plain');
  // Helmet's headers do not change between requests: worked out once here rather than by its plugin on
  // every answer (a few percent of a signed-in read). Swagger UI still sets its own policy on its pages.
  const securityHeaders = Object.fromEntries(staticSecurityHeaders(ctx.config.publicUrl));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.apiRateLimit.max,
    timeWindow: ctx.config.apiRateLimit.windowSeconds * 1000,
    // Sign-in attempts have their own, stricter limit (http/sign-in-limit.ts); a flood of them must not
    // use up the same address's allowance for ordinary reads.
    allowList: (request) => !request.url.startsWith('/api/') || isSignInPath(request.url),
    errorResponseBuilder: (_request, context) => ({
      ...problemBody(
        'rate-limited',
        `Too many requests. Please wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
      ),
      statusCode: 429,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Revans API',
        version: '0.1.0',
        description:
          'Action learning programmes, sets and people. Sign in through /api/auth/sign-in/email; the session cookie authenticates every other call. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(ctx.config.publicUrl) },
        },
      },
      security: [{ session: [] }],
    },
    transform: documentFileAnswers,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installCsrfProtection(app, allowedOrigins(ctx.config.publicUrl));
  installSessionResolution(app, ctx);
  registerHealthRoutes(app, ctx);
  registerMetrics(app, ctx);
  registerAuthRoutes(app, ctx);

  for (const routes of [
    setupRoutes,
    meRoutes,
    hostRoutes,
    organisationRoutes,
    peopleRoutes,
    invitationRoutes,
    programmeRoutes,
    setRoutes,
    meetingRoutes,
    agendaRoutes,
    recordRoutes,
    problemRoutes,
    actionRoutes,
    journalRoutes,
    seriesRoutes,
    calendarRoutes,
    notificationRoutes,
    pollRoutes,
    programmeEventRoutes,
    enrolmentRoutes,
    groundRulesRoutes,
    formationRoutes,
    concernRoutes,
    securityRoutes,
    auditRoutes,
    coachRoutes,
    closingRoutes,
    feedbackRoutes,
    workshopRoutes,
  ]) {
    await app.register(routes, { ctx });
  }
  await registerLiveGateway(app, ctx, ctx.live, allowedOrigins(ctx.config.publicUrl));
  await registerWebApp(app, ctx.config.webDir);
  return app;
}
