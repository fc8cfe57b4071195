import type { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { startThread } from '../threads/start.ts';
import type { CheckpointerRequest, CheckpointerSetup } from './checkpointer.thread.ts';

const defaultPages = 1000;
/** The later threshold at which a connection checkpoints the log itself once a worker copies it. */
export const offloadedCheckpointPages = 4000;

/**
 * Copies the write-ahead log back into the database from a worker thread. Left to the connection, a
 * commit that crosses the log's threshold copies a thousand pages and syncs the file on the event
 * loop, and every live room waits for it. Started when live meetings begin writing, so an idle
 * server does not carry the thread. The thread's own code is checkpointer.thread.ts.
 */
export class Checkpointer {
  private worker: Worker | undefined;

  constructor(
    private readonly raw: SqliteDatabase.Database,
    private readonly everyMs = 250,
  ) {}

  start(): void {
    if (this.worker || this.raw.memory) return;
    const worker = startThread(new URL('./checkpointer.thread.ts', import.meta.url), {
      workerData: { file: this.raw.name, everyMs: this.everyMs } satisfies CheckpointerSetup,
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
    worker.postMessage('stop' satisfies CheckpointerRequest);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await worker.terminate();
    if (this.raw.open) this.raw.pragma(`wal_autocheckpoint = ${defaultPages}`);
  }
}
