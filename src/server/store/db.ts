import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { PipelinedConnection } from './pg-pipeline.ts';
import type { Database, DB } from './schema.ts';
import { type SqliteExclusive, sqliteParts } from './sqlite.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface Store {
  /** Revans' own tables with camelCase names (Kysely maps them to the snake_case columns). */
  db: Kysely<DB>;
  /** The same connection without name mapping: migrations, the accounts library's tables, raw SQL. */
  plain: Kysely<Database>;
  kind: StoreKind;
  /** SQLite only: synchronous use of the one connection, for the live room's appends. */
  sqlite?: SqliteExclusive;
  /** PostgreSQL only: a connection of its own that sends statements without waiting, for the live room's appends. */
  pipeline?: PipelinedConnection;
  destroy(): Promise<void>;
}

export function sqlitePath(dataDir: string): string {
  return path.join(dataDir, 'revans.sqlite');
}

/**
 * The PostgreSQL driver, loaded only by a server that uses it: on the default store it would be some
 * 10 MiB of memory for nothing.
 */
export function postgresDriver(): typeof import('pg') {
  return createRequire(import.meta.url)('pg');
}

export function openStore(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** SQLite: pages of write-ahead log after which the log writer makes it restart (tests shorten it). */
  walRestartPages?: number;
}): Store {
  if (options.databaseUrl) {
    const pg = postgresDriver();
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const plain = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const pipeline = new PipelinedConnection(pg, options.databaseUrl);
    const destroy = async () => {
      await pipeline.close();
      await plain.destroy();
    };
    return { db: camelCased(plain), plain, kind: 'postgres', pipeline, destroy };
  }
  const sqlite = new SqliteDatabase(sqlitePath(options.dataDir));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const { dialect, exclusive, checkpointer, writer } = sqliteParts(sqlite, options.walRestartPages);
  const plain = new Kysely<Database>({ dialect });
  const destroy = async () => {
    await writer.stop();
    await checkpointer.stop();
    await plain.destroy();
  };
  return { db: camelCased(plain), plain, kind: 'sqlite', sqlite: exclusive, destroy };
}

/**
 * Nested objects (JSON a driver parsed) keep their own keys: only table and column names are mapped.
 */
export const camelCased = (plain: Kysely<Database>) =>
  // `withPlugin` keeps the instance's table types; the plugin is what renames them, so the type follows it.
  plain.withPlugin(new CamelCasePlugin({ maintainNestedObjectKeys: true })) as unknown as Kysely<DB>;

/**
 * The snake_case view of a camelCase executor, on the same connection and inside the same transaction:
 * for the shared helpers that still take `Kysely<Database>` (the access facts in features/resources.ts,
 * the mail outbox) while the features move to camelCase names one by one.
 */
export const plainOf = (db: Kysely<DB>): Kysely<Database> =>
  // The camelCase instance is the plain one plus the CamelCasePlugin; without plugins it is the plain one.
  db.withoutPlugins() as unknown as Kysely<Database>;
