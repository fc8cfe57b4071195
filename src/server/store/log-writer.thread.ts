/**
 * The log writer's thread (see log-writer.ts): its own connection to the SQLite file, one group
 * commit per message, in the order the messages came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ItemOutcome, Write } from './log-writer.ts';

export interface LogWriterSetup {
  file: string;
  busyMs: number;
  checkpointPages: number;
}

/** A batch of items to commit in one transaction, or the word to commit what came before and close. */
export type LogWriterRequest = { id: number; items: Write[][] } | 'stop';
export type LogWriterReply =
  | { id: number; outcomes: ItemOutcome[] }
  | { id: number; failed: NonNullable<ItemOutcome> };

const port = parentPort!;
const setup = workerData as LogWriterSetup;
const db = new Database(setup.file);
db.pragma('foreign_keys = ON');
db.pragma(`busy_timeout = ${setup.busyMs}`);
db.pragma('synchronous = NORMAL');
db.pragma(`wal_autocheckpoint = ${setup.checkpointPages}`);

const cache = new Map<string, Database.Statement>();
const statement = (sql: string) => {
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
};

const failure = (e: unknown): NonNullable<ItemOutcome> => {
  const code = (e as { code?: unknown } | null)?.code;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    message: String((e as { message?: unknown } | null)?.message || e),
  };
};

port.on('message', (message: LogWriterRequest) => {
  if (message === 'stop') {
    db.close();
    port.close();
    return;
  }
  const outcomes: ItemOutcome[] = [];
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
    port.postMessage({ id: message.id, outcomes } satisfies LogWriterReply);
  } catch (e) {
    try {
      if (db.inTransaction) statement('rollback').run();
    } catch {}
    port.postMessage({ id: message.id, failed: failure(e) } satisfies LogWriterReply);
  }
});
