import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problemBody } from './problem.ts';

/** The address as the answer names it: without its query, and cut short if it is very long. */
function shortPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > 120 ? `${path.slice(0, 120)}…` : path;
}

/** Serves the built SPA; any unknown non-API GET gets index.html so client-side routes work on reload. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' });
  }
  const indexHtml = built ? readFileSync(indexFile, 'utf8') : undefined;

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (!wantsPage) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(problemBody('not-found', `There is nothing at ${request.method} ${shortPath(request.url)}.`));
    }
    if (!indexHtml) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The Revans web app has not been built yet. Run "npm run build:web" (npm start does this for you).',
        );
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  });
}
