import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

// Plain CommonJS, so the worker needs no TypeScript loader.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

const defaultPages = 1000;
/** The later threshold at which a connection checkpoints the log itself once a worker copies it. */
export const offloadedCheckpointPages = 4000;

/**
 * Copies the write-ahead log back into the database from a worker thread. Left to the connection, a
 * commit that crosses the log's threshold copies a thousand pages and syncs the file on the event
 * loop, and every live room waits for it. Started when live meetings begin writing, so an idle
 * server does not carry the thread.
 */
export class Checkpointer {
  private worker: Worker | undefined;

  constructor(
    private readonly raw: SqliteDatabase.Database,
    private readonly everyMs = 250,
  ) {}

  start(): void {
    if (this.worker || this.raw.memory) return;
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: this.raw.name,
        everyMs: this.everyMs,
      },
    });
    worker.unref();
    // The worker's checkpoints never quite catch up while commits keep coming, and only a complete
    // one lets the log start again from its beginning. So the connection still checkpoints, later:
    // by then the worker has copied nearly every page, and the one writer finishes the rest at once.
    this.raw.pragma(`wal_autocheckpoint = ${offloadedCheckpointPages}`);
    const fallBack = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.raw.open) this.raw.pragma(`wal_autocheckpoint = ${defaultPages}`);
    };
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    this.worker = worker;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await worker.terminate();
    if (this.raw.open) this.raw.pragma(`wal_autocheckpoint = ${defaultPages}`);
  }
}
