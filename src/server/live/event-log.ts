import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { cleanCommand } from '../../domain/meeting/commands.ts';
import { idsNeeded, reduce } from '../../domain/meeting/reducer.ts';
import type { MeetingCommand, MeetingEvent, MeetingState } from '../../domain/meeting/types.ts';
import type { Database, MeetingEventTable } from '../store/schema.ts';
import { project } from './projections.ts';

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

export type AppendResult =
  | { kind: 'appended'; event: MeetingEvent; state: MeetingState }
  | { kind: 'duplicate'; seq: number }
  | { kind: 'behind' };

/**
 * Appends one accepted command as the next event, with its durable effects, in one transaction. When
 * another process appended first, answers `behind` so the caller catches up and validates again.
 */
export async function appendEvent(
  db: Kysely<Database>,
  state: MeetingState,
  input: { actorId: string; command: MeetingCommand; clientCommandId: string | null; at: string },
): Promise<AppendResult> {
  const meetingId = state.setup.meetingId;
  try {
    return await db.transaction().execute(async (trx) => {
      if (input.clientCommandId) {
        const seen = await trx
          .selectFrom('meeting_event')
          .select('seq')
          .where('meeting_id', '=', meetingId)
          .where('actor_id', '=', input.actorId)
          .where('client_command_id', '=', input.clientCommandId)
          .executeTakeFirst();
        if (seen) return { kind: 'duplicate', seq: seen.seq } as const;
      }
      const last = await trx
        .selectFrom('meeting_event')
        .select((eb) => eb.fn.max<number>('seq').as('seq'))
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst();
      if (Number(last?.seq ?? 0) !== state.lastSeq) return { kind: 'behind' } as const;
      const idKey = idsNeeded[input.command.type];
      const lastAt = await trx
        .selectFrom('meeting_event')
        .select('at')
        .where('meeting_id', '=', meetingId)
        .where('seq', '=', state.lastSeq)
        .executeTakeFirst();
      const event: MeetingEvent = {
        seq: state.lastSeq + 1,
        // Timers are computed from event times: they must never run backwards, even across processes.
        at: lastAt && lastAt.at > input.at ? lastAt.at : input.at,
        actorId: input.actorId,
        // Only the fields the command defines reach the log.
        command: cleanCommand(input.command),
        ...(idKey ? { ids: { [idKey]: randomUUID() } } : {}),
      };
      await trx
        .insertInto('meeting_event')
        .values({
          meeting_id: meetingId,
          seq: event.seq,
          at: event.at,
          actor_id: event.actorId,
          client_command_id: input.clientCommandId,
          command_json: JSON.stringify(event.command),
          ids_json: event.ids ? JSON.stringify(event.ids) : null,
        })
        .execute();
      const next = reduce(state, event);
      await project(trx, next, event);
      return { kind: 'appended', event, state: next } as const;
    });
  } catch (error) {
    // Another process took this seq between our read and our insert.
    if (/unique|duplicate key|PRIMARY KEY/i.test(String((error as Error).message))) return { kind: 'behind' };
    throw error;
  }
}
