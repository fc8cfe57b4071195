import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { pendingMigrations } from '../store/migrate.ts';
import { problemBody } from './problem.ts';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.store.plain);
      const pending = await pendingMigrations(ctx.store.plain);
      if (pending.length) {
        return reply
          .status(503)
          .type('application/problem+json')
          .send(
            problemBody(
              'unavailable',
              `The database needs migrating: ${pending.join(', ')}. Run "revans migrate".`,
            ),
          );
      }
      return { status: 'ready', database: ctx.store.kind };
    } catch {
      return reply
        .status(503)
        .type('application/problem+json')
        .send(problemBody('unavailable', 'The database cannot be reached.'));
    }
  });
}
