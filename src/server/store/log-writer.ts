import type { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { startThread } from '../threads/start.ts';
import type { LogWriterReply, LogWriterRequest, LogWriterSetup } from './log-writer.thread.ts';

export type SqlValue = string | number | null;
export interface Write {
  sql: string;
  params: SqlValue[];
}

/** Each item's result: `null` when its writes held, or the error that undid them (only them). */
export type ItemOutcome = null | {
  code?: string | undefined;
  constraint?: string | undefined;
  message: string;
};

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
 * only the batch being committed. The connection also checkpoints the log when it grows long. The
 * thread's own code is log-writer.thread.ts.
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
    const worker = startThread(new URL('./log-writer.thread.ts', import.meta.url), {
      workerData: {
        file: this.raw.name,
        busyMs: 10_000,
        checkpointPages: this.checkpointPages,
      } satisfies LogWriterSetup,
    });
    worker.unref();
    worker.on('message', (message: LogWriterReply) => {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if ('failed' in message) waiting.reject(asError(message.failed));
      else waiting.resolve(message.outcomes);
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
      worker.postMessage({ id, items } satisfies LogWriterRequest);
    });
  }

  /** The thread commits what it was sent before the stop message, then closes its connection. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop' satisfies LogWriterRequest);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await worker.terminate();
  }
}
