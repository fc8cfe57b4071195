import type { Kysely } from 'kysely';
import type { MeetingRecord, SetTurns } from '../../../contract/meetings.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { fairTurns, presentersOf } from '../../../domain/meeting/fair-turns.ts';
import { meetingRecordFor } from '../../../domain/meeting/record.ts';
import { toMarkdown } from '../../../domain/meeting/record-markdown.ts';
import { recordOutline } from '../../../domain/meeting/record-outline.ts';
import { replay } from '../../../domain/meeting/reducer.ts';
import type { MeetingSetup } from '../../../domain/meeting/types.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import { eventsAfter } from '../../live/event-log.ts';
import type { Database } from '../../store/schema.ts';
import { setResource } from '../resources.ts';
import { recordPdf } from './record-pdf.ts';
import { recordWords } from './record-words.ts';
import { meetingSetResource, setPeople } from './service.ts';

/**
 * The live room's event log is read by its own code, written against the tables' own names: the same
 * connection (and transaction) as ctx.db, seen without the CamelCasePlugin, which is all that tells the
 * two apart (hence the cast).
 */
const eventLogOf = (ctx: AppContext) => ctx.db.withoutPlugins() as unknown as Kysely<Database>;

export async function heldState(ctx: AppContext, meetingId: string) {
  const row = await ctx.db
    .selectFrom('meeting')
    .select(['setupJson', 'startsAt'])
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  if (!row.setupJson) return undefined;
  const setup = JSON.parse(row.setupJson) as MeetingSetup;
  return {
    setup,
    state: replay(setup, await eventsAfter(eventLogOf(ctx), meetingId, 0)),
    startsAt: row.startsAt,
  };
}

/** What belongs to the viewer and to the set after a meeting: agenda run, attendance, problem, questions, actions. */
async function ownRecord(ctx: AppContext, actor: PersonActor, meetingId: string): Promise<MeetingRecord> {
  authorize(actor, 'meeting.join', await meetingSetResource(ctx, meetingId));
  const held = await heldState(ctx, meetingId);
  if (!held) throw new Problem('not-found', 'This meeting has not been held yet, so it has no record.');
  const record = meetingRecordFor(held.setup, held.state, actor.personId);
  if (!record) throw new Problem('not-found', 'There is no record of this meeting for you.');
  return record;
}

/** That a member took their meeting record away (which meeting, which format): never what it says. */
async function auditExport(ctx: AppContext, actor: PersonActor, meetingId: string, format: string) {
  const resource = await meetingSetResource(ctx, meetingId);
  await audit(ctx, {
    hostId: resource.hostId,
    by: actor,
    action: 'record.exported',
    target: { type: 'meeting', id: meetingId },
    details: { format, setId: resource.setId },
  });
}

/** The reader's own zone, for the times in their export. */
async function readerZone(ctx: AppContext, actor: PersonActor): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('person')
    .select('timeZone')
    .where('id', '=', actor.personId)
    .executeTakeFirst();
  return row?.timeZone ?? 'UTC';
}

/** The viewer's record, with its Markdown export (in the record catalogue's words). */
export async function meetingRecord(ctx: AppContext, actor: PersonActor, meetingId: string) {
  const record = await ownRecord(ctx, actor, meetingId);
  await auditExport(ctx, actor, meetingId, 'markdown');
  const words = recordWords(ctx.i18n, actor.language, await readerZone(ctx, actor));
  return { record, markdown: toMarkdown(recordOutline(record, words)) };
}

/** The viewer's record as a PDF: the same outline as the Markdown. */
export async function meetingRecordPdf(ctx: AppContext, actor: PersonActor, meetingId: string) {
  const record = await ownRecord(ctx, actor, meetingId);
  await auditExport(ctx, actor, meetingId, 'pdf');
  return recordPdf(
    recordOutline(record, recordWords(ctx.i18n, actor.language, await readerZone(ctx, actor))),
  );
}

/** Who presented when and for how long, and who might present next so everyone gets their turn. */
export async function setTurns(ctx: AppContext, actor: PersonActor, setId: string): Promise<SetTurns> {
  authorize(actor, 'set.readCounts', await setResource(ctx.db, setId));
  const meetings = await ctx.db
    .selectFrom('meeting')
    .select('id')
    .where('setId', '=', setId)
    .where('setupJson', 'is not', null)
    .orderBy('startsAt')
    .execute();
  const history = [];
  for (const { id } of meetings) {
    const held = await heldState(ctx, id);
    if (held)
      history.push({
        meetingId: id,
        heldOn: held.startsAt.slice(0, 10),
        presenters: presentersOf(held.state),
      });
  }
  const members = (await setPeople(ctx, setId))
    .filter((r) => r.role === 'member')
    .map((r) => ({ personId: r.personId, name: r.name }));
  // Counts only, never the texts: these are what a coordinator may see of a set's actions.
  const actions = await ctx.db
    .selectFrom('action')
    .select(['ownerId', 'status'])
    .where('setId', '=', setId)
    .execute();
  const actionCounts = members.map(({ personId }) => {
    const own = actions.filter((a) => a.ownerId === personId);
    return { personId, committed: own.length, completed: own.filter((a) => a.status === 'done').length };
  });
  return { ...fairTurns(history, members), members, history, actionCounts };
}
