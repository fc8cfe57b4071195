/**
 * Sign-in attempts per client address, counted in this process's memory: a flood is refused before it
 * reaches the accounts library or the database, so each refusal costs a map lookup and a small answer.
 * Several app nodes each count on their own (the limit per address is then at most nodes x max); the
 * accounts library's own limit, kept in the database, still holds across nodes for what gets through.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemBody } from './problem.ts';

/** The accounts endpoints that take a secret or send mail: each is a guess or a mail an attacker wants. */
const limitedPaths = [
  '/api/auth/sign-in/',
  '/api/auth/sign-up/',
  '/api/auth/request-password-reset',
  '/api/auth/reset-password',
  '/api/auth/forget-password',
];

export function isSignInPath(url: string): boolean {
  return limitedPaths.some((p) => url.startsWith(p));
}

interface Window {
  count: number;
  resetAt: number;
}

export class SignInLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;
  /** Refusals since start: for the operators' log and the benchmark. */
  refused = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one attempt; answers how many seconds to wait when it is over the limit, else 0. */
  take(key: string): { retryAfter: number; first: boolean } {
    const now = this.clock();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.max) return { retryAfter: 0, first: false };
    this.refused += 1;
    return {
      retryAfter: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
      first: window.count === this.max + 1,
    };
  }

  /** Forgets finished windows now and then, so memory stays bounded by the addresses of one window. */
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * Refuses sign-in attempts over the limit with 429 problem+json and Retry-After; writes nothing. Install
 * it before every other hook, so that a refusal costs no more than it must.
 */
export function installSignInLimit(
  app: FastifyInstance,
  limit: { max: number; windowSeconds: number },
  /** The security headers (installed first, this hook runs before helmet's and sets them itself). */
  securityHeaders: Record<string, string>,
): SignInLimiter {
  const limiter = new SignInLimiter(limit.max, limit.windowSeconds * 1000);
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (request.method !== 'POST' || !isSignInPath(request.url)) return;
    const { retryAfter, first } = limiter.take(request.ip);
    if (retryAfter === 0) return;
    if (first) request.log.warn({ ip: request.ip }, 'sign-in attempts over the limit; refusing this address');
    return reply
      .status(429)
      .headers(securityHeaders)
      .header('retry-after', String(retryAfter))
      .type('application/problem+json')
      .send(
        problemBody(
          'rate-limited',
          `Too many sign-in attempts from your address. Please wait ${retryAfter} seconds and try again.`,
        ),
      );
  });
  return limiter;
}
