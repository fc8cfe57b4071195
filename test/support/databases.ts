// One fresh database per call, on SQLite or PostgreSQL, so tests never see each other's data.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export type StoreKind = 'sqlite' | 'postgres';

/** Both stores, always: PostgreSQL is never skipped (globalSetup starts one if needed). */
export const storeKinds: StoreKind[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  kind: StoreKind;
  /** PostgreSQL URL of the fresh database; undefined for SQLite (the app uses DATA_DIR/revans.sqlite). */
  databaseUrl: string | undefined;
  /** A fresh empty folder to use as the app's DATA_DIR. */
  dataDir: string;
  /** DATA_DIR and, for PostgreSQL, DATABASE_URL: handy for starting the app or the CLI. */
  env: Record<string, string>;
  /** Drops the PostgreSQL database (closing its connections) and removes dataDir. */
  drop(): Promise<void>;
}

export function testDatabaseServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL || inject('testDatabaseUrl');
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set, so PostgreSQL tests have no server. Run the tests with `npm test` ' +
        '(or through a vitest project whose globalSetup is test/support/global-setup.ts), ' +
        'or set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres.',
    );
  }
  return url;
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: StoreKind): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'revans-test-'));
  if (kind === 'sqlite') {
    return {
      kind,
      databaseUrl: undefined,
      dataDir,
      env: { DATA_DIR: dataDir },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }

  const serverUrl = testDatabaseServerUrl();
  const name = `revans_t_${randomBytes(6).toString('hex')}`;
  try {
    await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`Could not create a test database on ${serverUrl}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let dropped: Promise<void> | undefined;
  return {
    kind,
    databaseUrl,
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    drop() {
      dropped ??= (async () => {
        // WITH (FORCE) terminates connections a test left open (PostgreSQL 13+).
        await withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        await rm(dataDir, { recursive: true, force: true });
      })();
      return dropped;
    },
  };
}
