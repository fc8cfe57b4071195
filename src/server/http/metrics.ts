/**
 * GET /metrics for a Prometheus scraper. Off unless METRICS_TOKEN is set; then the scraper sends it as a
 * bearer token (Prometheus's `authorization: { credentials: ... }`), since the figures describe the
 * installation to anyone who can read them.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { AppContext } from '../context.ts';
import { problemBody } from './problem.ts';

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function registerMetrics(app: FastifyInstance, ctx: AppContext): void {
  const { registry, requestSeconds } = ctx.metrics;
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the path itself: ids would make a series per resource.
    const route = request.routeOptions.url ?? 'unmatched';
    requestSeconds.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  for (const name of ['revans_live_sockets', 'revans_mail_outbox_pending']) registry.removeSingleMetric(name);
  new Gauge({
    name: 'revans_live_sockets',
    help: 'Open live-room sockets on this process',
    registers: [registry],
    collect() {
      const server = (app as { websocketServer?: { clients: Set<unknown> } }).websocketServer;
      this.set(server?.clients.size ?? 0);
    },
  });
  new Gauge({
    name: 'revans_mail_outbox_pending',
    help: 'Mails waiting to be sent (all processes share the outbox)',
    registers: [registry],
    async collect() {
      const row = await ctx.db
        .selectFrom('mailOutbox')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      this.set(Number(row.count));
    },
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = ctx.config.metricsToken;
    if (!token) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(problemBody('not-found', 'Metrics are off. Set METRICS_TOKEN to turn them on.'));
    }
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameToken(given, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .type('application/problem+json')
        .send(
          problemBody(
            'unauthenticated',
            'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".',
          ),
        );
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
