import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import { cleanCommand } from '../../domain/meeting/commands.ts';
import { idsNeeded } from '../../domain/meeting/reducer.ts';
import type { MeetingCommand, MeetingEvent } from '../../domain/meeting/types.ts';
import type { Store } from '../store/db.ts';
import type { Database, MeetingEventTable } from '../store/schema.ts';
import type { Write } from './projections.ts';

export function toEvent(row: MeetingEventTable): MeetingEvent {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    command: JSON.parse(row.command_json),
    ...(row.ids_json ? { ids: JSON.parse(row.ids_json) } : {}),
  };
}

export async function eventsAfter(
  db: Kysely<Database>,
  meetingId: string,
  afterSeq: number,
): Promise<MeetingEvent[]> {
  const rows = await db
    .selectFrom('meeting_event')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
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

/**
 * `appended`: committed. `behind`: another process took this seq first (catch up, validate again).
 * `duplicate`: this client's command is in the log already (a resend after a dropped connection).
 */
export type AppendOutcome = 'appended' | 'behind' | 'duplicate';

type Maybe<T> = T | Promise<T>;

export interface CommandRef {
  meetingId: string;
  actorId: string;
  clientCommandId: string;
}

/**
 * Where a room's events and their effects are written, all in one transaction. On SQLite this is
 * synchronous (one connection, nothing to wait for), so a command is committed and broadcast in
 * the same turn of the event loop.
 */
export interface EventLog {
  readonly synchronous: boolean;
  append(writes: Write[]): Maybe<AppendOutcome>;
  seqOf(ref: CommandRef): Maybe<number | null>;
}

const seqOfSql =
  'select seq from meeting_event where meeting_id = ? and actor_id = ? and client_command_id = ?';

/** The primary key (meeting, seq) refuses a taken seq; the client-command index refuses a resend. */
function conflictOf(error: unknown): AppendOutcome | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code?.startsWith('SQLITE_CONSTRAINT')) {
    if (/meeting_event\.seq/.test(e.message ?? '')) return 'behind';
    if (/meeting_event\.client_command_id/.test(e.message ?? '')) return 'duplicate';
  }
  if (e.code === '23505') {
    if (e.constraint === 'meeting_event_pk') return 'behind';
    if (e.constraint === 'meeting_event_client_command') return 'duplicate';
  }
  return null;
}

function sqliteLog(store: Store & { sqlite: NonNullable<Store['sqlite']> }): EventLog {
  return {
    synchronous: true,
    append: (writes) =>
      store.sqlite.run((statement) => {
        statement('begin').run();
        try {
          for (const w of writes) statement(w.sql).run(w.params);
          statement('commit').run();
          return 'appended';
        } catch (error) {
          statement('rollback').run();
          const conflict = conflictOf(error);
          if (conflict) return conflict;
          throw error;
        }
      }),
    seqOf: (ref) =>
      store.sqlite.run((statement) => {
        const row = statement(seqOfSql).get(ref.meetingId, ref.actorId, ref.clientCommandId) as
          | { seq: number }
          | undefined;
        return row?.seq ?? null;
      }),
  };
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

function postgresLog(db: Kysely<Database>): EventLog {
  const raw = (w: Write) => CompiledQuery.raw(numberPlaceholders(w.sql), w.params);
  return {
    synchronous: false,
    async append(writes) {
      try {
        await db.transaction().execute(async (trx) => {
          for (const w of writes) await trx.executeQuery(raw(w));
        });
        return 'appended';
      } catch (error) {
        const conflict = conflictOf(error);
        if (conflict) return conflict;
        throw error;
      }
    },
    async seqOf(ref) {
      const result = await db.executeQuery<{ seq: number }>(
        raw({ sql: seqOfSql, params: [ref.meetingId, ref.actorId, ref.clientCommandId] }),
      );
      return result.rows[0] ? Number(result.rows[0].seq) : null;
    },
  };
}

export function openEventLog(store: Store): EventLog {
  return store.sqlite ? sqliteLog({ ...store, sqlite: store.sqlite }) : postgresLog(store.db);
}
