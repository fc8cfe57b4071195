import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

export type SqlValue = string | number | null;
export interface Write {
  sql: string;
  params: SqlValue[];
}

/** Each item's result: `null` when its writes held, or the error that undid them (only them). */
export type ItemOutcome = null | { code?: string; message: string };

// Plain CommonJS, so the worker needs no TypeScript loader. One group commit per message, in order.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = ' + workerData.busyMs);
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = ' + workerData.checkpointPages);
const cache = new Map();
const statement = (sql) => {
  let s = cache.get(sql);
  if (!s) { s = db.prepare(sql); cache.set(sql, s); }
  return s;
};
const failure = (e) => ({ code: e && e.code, message: String((e && e.message) || e) });
parentPort.on('message', (message) => {
  if (message === 'stop') { db.close(); parentPort.close(); return; }
  const outcomes = [];
  try {
    statement('begin immediate').run();
    for (const writes of message.items) {
      statement('savepoint item').run();
      try {
        for (const w of writes) statement(w.sql).run(w.params);
        outcomes.push(null);
      } catch (e) {
        statement('rollback to item').run();
        outcomes.push(failure(e));
      }
      statement('release item').run();
    }
    statement('commit').run();
    parentPort.postMessage({ id: message.id, outcomes });
  } catch (e) {
    try { if (db.inTransaction) statement('rollback').run(); } catch {}
    parentPort.postMessage({ id: message.id, failed: failure(e) });
  }
});
`;

interface Waiting {
  resolve: (outcomes: ItemOutcome[]) => void;
  reject: (error: Error) => void;
}

function asError(failure: { code?: string; message: string }): Error {
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
}

/**
 * Commits batches of writes from a thread of its own, on its own connection. A commit now and then
 * waits on the disk for tens of milliseconds (the log's restart syncs it, and a checkpoint syncs
 * the database): on the event loop that wait held up every room and every request; here it holds up
 * only the batch being committed. The connection also checkpoints the log when it grows long.
 */
export class LogWriter {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly raw: SqliteDatabase.Database,
    private readonly checkpointPages: number,
    private readonly onExit: () => void,
  ) {}

  /** Whether batches go to the thread (never for an in-memory database, which a thread cannot share). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  start(): boolean {
    if (this.worker) return true;
    if (this.failed || this.raw.memory) return false;
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: this.raw.name,
        busyMs: 10_000,
        checkpointPages: this.checkpointPages,
      },
    });
    worker.unref();
    worker.on('message', (message: { id: number; outcomes?: ItemOutcome[]; failed?: ItemOutcome }) => {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if (message.failed) waiting.reject(asError(message.failed));
      else waiting.resolve(message.outcomes ?? []);
    });
    const gone = (error?: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failed = true;
      for (const waiting of this.waiting.values())
        waiting.reject(error ?? new Error('The log writer stopped before committing.'));
      this.waiting.clear();
      this.onExit();
    };
    worker.on('error', gone);
    worker.on('exit', () => gone());
    this.worker = worker;
    return true;
  }

  /** One transaction; each item in its own savepoint, so a refused item undoes only itself. */
  commit(items: Write[][]): Promise<ItemOutcome[]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('The log writer is not running.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, items });
    });
  }

  /** The thread commits what it was sent before the stop message, then closes its connection. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await worker.terminate();
  }
}
