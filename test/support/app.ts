import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { AppContext } from '../../src/server/context.ts';
import { closeContext, createContext } from '../../src/server/runtime.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './databases.ts';

export const testOrigin = 'http://localhost:3000';
export const testPassword = 'a long enough password';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  /** app.inject with the browser's Origin header and, optionally, a session cookie. */
  call(options: InjectOptions & { cookie?: string | undefined }): Promise<LightMyRequestResponse>;
  signIn(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(database: TestDatabase, overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      dataDir: database.dataDir,
      databaseUrl: database.databaseUrl,
      publicUrl: testOrigin,
      authSecret: 'test-secret-that-is-long-enough-for-better-auth',
      logLevel: 'silent',
      signInRateLimit: { max: 1000, windowSeconds: 60 },
      apiRateLimit: { max: 100_000, windowSeconds: 60 },
      mailRetry: { baseDelayMs: 100, maxAttempts: 5, pollIntervalMs: 100 },
      webDir: '/nonexistent-web-dir',
      ...overrides,
    },
  );
}

export function cookieHeader(response: LightMyRequestResponse): string {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

export async function createTestApp(
  kind: StoreKind,
  overrides: Partial<Config> = {},
  options: { startMailWorker?: boolean; now?: () => Date } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const ctx = await createContext(testConfig(database, overrides), {
    startMailWorker: options.startMailWorker ?? false,
    ...(options.now ? { now: options.now } : {}),
  });
  const app = await buildApp(ctx);
  const call: TestApp['call'] = ({ cookie, headers, ...rest }) =>
    app.inject({ ...rest, headers: { origin: testOrigin, ...(cookie ? { cookie } : {}), ...headers } });
  return {
    app,
    ctx,
    database,
    call,
    async signIn(email, password = testPassword) {
      const response = await call({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email, password },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.body}`);
      return cookieHeader(response);
    },
    async close() {
      await ctx.live.close();
      await app.close();
      await closeContext(ctx);
      await database.drop();
    },
  };
}
