/**
 * The checkpointer's thread (see checkpointer.ts): copies the write-ahead log back into the database
 * every `everyMs` on its own connection, until told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointerSetup {
  file: string;
  everyMs: number;
}

/** Any message stops the thread. */
export type CheckpointerRequest = 'stop';

const port = parentPort!;
const setup = workerData as CheckpointerSetup;
const db = new Database(setup.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
}, setup.everyMs);
port.on('message', () => {
  clearInterval(timer);
  db.close();
  port.close();
});
