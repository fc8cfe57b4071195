import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { Checkpointer, offloadedCheckpointPages } from './checkpointer.ts';
import { LogWriter } from './log-writer.ts';

type Raw = SqliteDatabase.Database;
type Statement = SqliteDatabase.Statement;

/**
 * The one SQLite connection, handed out first come, first served. Kysely's own mutex wakes every
 * waiter on each release and lets them race, so under a backlog each query cost grows with the queue.
 */
class FifoLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  get isHeld(): boolean {
    return this.held;
  }

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  tryAcquire(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}

const maxCachedStatements = 500;

/** Prepared statements by SQL text: compiling the same SQL for every query costs more than running it. */
class StatementCache {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly raw: Raw) {}

  get(sql: string): Statement {
    const cached = this.statements.get(sql);
    // A statement still being iterated cannot run again; give that caller a fresh one.
    if (cached && !cached.busy) return cached;
    const statement = this.raw.prepare(sql);
    if (!cached) {
      if (this.statements.size >= maxCachedStatements) {
        const oldest = this.statements.keys().next().value;
        if (oldest !== undefined) this.statements.delete(oldest);
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

class FifoSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly lock: FifoLock,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return super.acquireConnection();
  }

  // The log writer commits on a connection of its own: a deferred transaction that read before the
  // writer committed could not take the write lock afterwards, so transactions take it from the start.
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.lock.release();
  }
}

class FifoSqliteDialect extends SqliteDialect {
  constructor(
    private readonly driverConfig: SqliteDialectConfig,
    private readonly lock: FifoLock,
  ) {
    super(driverConfig);
  }

  override createDriver(): SqliteDriver {
    return new FifoSqliteDriver(this.driverConfig, this.lock);
  }
}

/**
 * Direct, synchronous use of the connection for the live room's hot path, never interleaved with a
 * Kysely transaction: it runs at once when the connection is free, or after whoever holds it.
 */
export interface SqliteExclusive {
  run<T>(work: (statement: (sql: string) => Statement, raw: Raw) => T): T | Promise<T>;
  /**
   * For a steady stream of small commits: from now on the write-ahead log is checkpointed by a worker
   * thread, and batches are committed by another (returned; none for an in-memory database).
   */
  offload(): LogWriter | undefined;
  /**
   * Changes whenever the database may have changed: a commit by any other connection (the log writer's,
   * another process's) moves `data_version`, and every row this connection inserts, updates or deletes
   * moves `total_changes()`. Equal versions mean no row changed in between.
   */
  dataVersion(): string | Promise<string>;
}

const dataVersionSql = 'select data_version as v, total_changes() as c from pragma_data_version()';

/**
 * The log restarts from its beginning only after a checkpoint that caught up with every commit, and
 * that costs the writer a few syncs of the disk (tens of milliseconds each here). Under a steady stream
 * that is once per this many pages (256 MiB): rare enough to leave the live rooms' tail alone. A quiet
 * server restarts it far sooner, whenever the worker's checkpoint catches up.
 */
export const defaultWalRestartPages = 65_536;

export function sqliteParts(
  raw: Raw,
  walRestartPages = defaultWalRestartPages,
): {
  dialect: SqliteDialect;
  exclusive: SqliteExclusive;
  checkpointer: Checkpointer;
  writer: LogWriter;
} {
  const lock = new FifoLock();
  const checkpointer = new Checkpointer(raw);
  // While the writer runs, the main connection leaves checkpoints to it (none on the event loop) but
  // for a later threshold still, in case its own writes ever make up the stream.
  const writer = new LogWriter(raw, walRestartPages, () => {
    if (raw.open) raw.pragma(`wal_autocheckpoint = ${offloadedCheckpointPages}`);
  });
  const cache = new StatementCache(raw);
  const statement = (sql: string) => cache.get(sql);
  // Kysely's SQLite dialect calls only `prepare` and `close`: these serve its statements from the cache.
  const database = {
    prepare: statement,
    close: () => raw.close(),
  } as unknown as SqliteDialectConfig['database'];
  const runHeld = <T>(work: (s: typeof statement, r: Raw) => T): T => {
    try {
      return work(statement, raw);
    } finally {
      lock.release();
    }
  };
  return {
    dialect: new FifoSqliteDialect({ database }, lock),
    checkpointer,
    writer,
    exclusive: {
      run: (work) => (lock.tryAcquire() ? runHeld(work) : lock.acquire().then(() => runHeld(work))),
      offload: () => {
        if (writer.running) return writer;
        checkpointer.start();
        if (!writer.start()) return undefined;
        raw.pragma(`wal_autocheckpoint = ${2 * walRestartPages}`);
        return writer;
      },
      dataVersion: () => {
        const read = () => {
          const row = statement(dataVersionSql).get() as { v: number; c: number };
          return `${row.v}:${row.c}`;
        };
        return lock.tryAcquire() ? runHeld(read) : lock.acquire().then(() => runHeld(read));
      },
    },
  };
}
