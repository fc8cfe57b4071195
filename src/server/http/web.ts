import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problemBody } from './problem.ts';

/** The address as the answer names it: without its query, and cut short if it is very long. */
function shortPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > 120 ? `${path.slice(0, 120)}…` : path;
}

/**
 * Files under assets/ carry a hash of their content in their name: a new build gives new names, so they
 * are kept for good. Anything else (the icon) may change under the same name: kept for an hour.
 */
export function cachePolicy(relativePath: string): string {
  return relativePath.startsWith(`assets${path.sep}`) || relativePath.startsWith('assets/')
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=3600';
}

/** Serves the built SPA; any unknown non-API GET gets index.html so client-side routes work on reload. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies beside each file; the browser's Accept-Encoding picks one.
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply: FastifyReply, file: string) {
        reply.header('cache-control', cachePolicy(path.relative(webDir, file)));
      },
    });
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
