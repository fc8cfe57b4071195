import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { cleanCommand } from '../../domain/meeting/commands.ts';
import { idsNeeded } from '../../domain/meeting/reducer.ts';
import type { MeetingCommand, MeetingEvent } from '../../domain/meeting/types.ts';
import type { Store } from '../store/db.ts';
import type { ItemOutcome, Write } from '../store/log-writer.ts';
import type { PipelinedConnection, PipelinedStatement, StatementOutcome } from '../store/pg-pipeline.ts';
import type { MeetingEventTable, Database as Schema } from '../store/schema.ts';
import type { SqliteExclusive } from '../store/sqlite.ts';

export function toEvent(row: MeetingEventTable): MeetingEvent {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    command: JSON.parse(row.command_json),
    ...(row.ids_json ? { ids: JSON.parse(row.ids_json) } : {}),
  };
}

export async function eventRowsAfter(
  db: Kysely<Schema>,
  meetingId: string,
  afterSeq: number,
): Promise<MeetingEventTable[]> {
  return db
    .selectFrom('meeting_event')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
}

export async function eventsAfter(
  db: Kysely<Schema>,
  meetingId: string,
  afterSeq: number,
): Promise<MeetingEvent[]> {
  return (await eventRowsAfter(db, meetingId, afterSeq)).map(toEvent);
}

/** The event an accepted command becomes, as the next of the room's log. */
export function nextEvent(
  lastSeq: number,
  lastAt: string | null,
  input: { actorId: string; command: MeetingCommand; at: string },
): MeetingEvent {
  const idKey = idsNeeded[input.command.type];
  return {
    seq: lastSeq + 1,
    // Timers are computed from event times: they must never run backwards, even across processes.
    at: lastAt && lastAt > input.at ? lastAt : input.at,
    actorId: input.actorId,
    // Only the fields the command defines reach the log.
    command: cleanCommand(input.command),
    ...(idKey ? { ids: { [idKey]: randomUUID() } } : {}),
  };
}

/** `appended`: committed. `behind`: another process took this seq first (catch up, validate again). */
export type AppendOutcome = 'appended' | 'behind';

/** Where a room's events and their effects are written, each event in one transaction with its effects. */
export interface EventLog {
  append(writes: Write[]): Promise<AppendOutcome>;
}

/** The primary key (meeting, seq) refuses a seq that another process took. */
function isBehind(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code?.startsWith('SQLITE_CONSTRAINT')) return /meeting_event\.seq/.test(e.message ?? '');
  return e.code === '23505' && e.constraint === 'meeting_event_pk';
}

interface Pending {
  writes: Write[];
  resolve: (outcome: AppendOutcome) => void;
  reject: (error: unknown) => void;
}

function settle(items: Pending[], outcomes: ItemOutcome[]): void {
  for (const [i, item] of items.entries()) {
    const failure = outcomes[i];
    if (!failure) {
      item.resolve('appended');
      continue;
    }
    const error = Object.assign(new Error(failure.message), {
      code: failure.code,
      constraint: failure.constraint,
    });
    if (isBehind(error)) item.resolve('behind');
    else item.reject(error);
  }
}

/** The same group commit on the event loop's own connection, where no writer thread can run. */
function commitHere(statement: (sql: string) => Statement, raw: Database, items: Pending[]): ItemOutcome[] {
  const outcomes: ItemOutcome[] = [];
  statement('begin immediate').run();
  try {
    for (const item of items) {
      statement('savepoint item').run();
      try {
        for (const w of item.writes) statement(w.sql).run(w.params);
        outcomes.push(null);
      } catch (error) {
        statement('rollback to item').run();
        const e = error as { code?: string; message?: string };
        outcomes.push({ code: e.code, message: String(e.message ?? error) });
      }
      statement('release item').run();
    }
    statement('commit').run();
  } catch (error) {
    if (raw.inTransaction) statement('rollback').run();
    throw error;
  }
  return outcomes;
}

/**
 * Group commit: the appends of one turn of the event loop (from different rooms; a room has one in
 * flight at most) share one commit, and a refusal undoes only itself. A commit costs far more than the
 * inserts in it. One commit at a time: what arrives meanwhile waits and goes in the next, so a slow
 * commit makes the next one bigger rather than queueing many small ones behind it.
 */
function groupCommit(commit: (items: Pending[]) => Promise<ItemOutcome[]>): EventLog {
  let batch: Pending[] = [];
  let scheduled = false;
  let committing = false;
  const flush = () => {
    scheduled = false;
    if (committing || batch.length === 0) return;
    const items = batch;
    batch = [];
    committing = true;
    commit(items)
      .then(
        (outcomes) => settle(items, outcomes),
        (error) => {
          for (const item of items) item.reject(error);
        },
      )
      .finally(() => {
        committing = false;
        flush();
      });
  };
  return {
    append: (writes) =>
      new Promise((resolve, reject) => {
        batch.push({ writes, resolve, reject });
        if (!scheduled && !committing) {
          scheduled = true;
          setImmediate(flush);
        }
      }),
  };
}

/**
 * On SQLite each append of a batch has its own savepoint in the one transaction, which runs on the log
 * writer's thread, so the event loop goes on serving every other room while the disk is slow.
 */
function sqliteLog(sqlite: SqliteExclusive): EventLog {
  return groupCommit((items) => {
    const writer = sqlite.offload();
    return writer?.running
      ? writer.commit(items.map((item) => item.writes))
      : new Promise<ItemOutcome[]>((resolve) => resolve(sqlite.run((s, raw) => commitHere(s, raw, items))));
  });
}

const numbered = new Map<string, string>();
/** `?` to `$1, $2, ...` (none of the live room's SQL has a `?` inside a literal). */
function numberPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (!out) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

const statementsOf = (writes: Write[]): PipelinedStatement[] =>
  writes.map((w) => ({ sql: numberPlaceholders(w.sql), params: w.params }));

/** Whether a transaction's statements all held and its commit committed (an undone one answers ROLLBACK). */
const committed = (outcomes: StatementOutcome[]) =>
  outcomes.every((o) => o.ok) && outcomes.at(-1)?.ok && outcomes.at(-1)?.command === 'COMMIT';

function firstFailure(outcomes: StatementOutcome[]): NonNullable<ItemOutcome> {
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    const { code, constraint, message } = outcome.error as Error & { code?: string; constraint?: string };
    return { code, constraint, message };
  }
  return { message: 'The transaction was not committed.' };
}

/**
 * On PostgreSQL a batch is one transaction, its statements all sent at once on the live log's pipelined
 * connection: one round trip and one commit, where each append used to take a pooled connection and a
 * round trip per statement. Savepoints cannot help here (nothing can be decided between statements
 * already sent), so a batch that is undone, because one of its appends lost its place to another node,
 * goes again as one transaction per append, still at once, and only the refused ones are refused.
 */
function postgresLog(pipeline: PipelinedConnection): EventLog {
  return groupCommit(async (items) => {
    if (items.length > 1) {
      const together = await pipeline.send([
        { sql: 'begin' },
        ...items.flatMap((item) => statementsOf(item.writes)),
        { sql: 'commit' },
      ]);
      if (committed(together)) return items.map(() => null);
    }
    const alone = await pipeline.send(
      items.flatMap((item) => [{ sql: 'begin' }, ...statementsOf(item.writes), { sql: 'commit' }]),
    );
    let from = 0;
    return items.map((item) => {
      const to = from + item.writes.length + 2;
      const mine = alone.slice(from, to);
      from = to;
      return committed(mine) ? null : firstFailure(mine);
    });
  });
}

export function openEventLog(store: Store): EventLog {
  if (store.sqlite) return sqliteLog(store.sqlite);
  if (store.pipeline) return postgresLog(store.pipeline);
  throw new Error(
    'The store has neither a SQLite connection nor a pipelined PostgreSQL one for the live log.',
  );
}
