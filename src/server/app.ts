import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
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

/** Builds the whole HTTP app without listening, so tests can use app.inject. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Shutdown must not wait on idle keep-alive or half-open connections.
    forceCloseConnections: true,
  });
  keepRouteTable(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.apiRateLimit.max,
    timeWindow: ctx.config.apiRateLimit.windowSeconds * 1000,
    allowList: (request) => !request.url.startsWith('/api/'),
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
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'revans.session_token' } },
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
