import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie sessions need protection from other sites' forms and scripts: refuse unsafe requests that a
 * browser marks as cross-site, or whose Origin is not one of ours. SameSite=Lax cookies are the second wall.
 */
export function installCsrfProtection(app: FastifyInstance, allowedOrigins: string[]): void {
  app.addHook('onRequest', async (request) => {
    if (!unsafe.has(request.method) || !request.url.startsWith('/api/')) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const crossSite = site === 'cross-site' || site === 'same-site';
    if (crossSite || (origin !== undefined && !allowedOrigins.includes(origin))) {
      throw new Problem(
        'cross-site-request',
        'This request came from another site, so Revans refused it. Open Revans at its own address and try again.',
      );
    }
  });
}
