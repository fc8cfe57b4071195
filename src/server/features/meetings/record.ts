import type { PersonActor } from '../../../domain/access.ts';
import { fairTurns, presentersOf } from '../../../domain/meeting/fair-turns.ts';
import { meetingRecordFor } from '../../../domain/meeting/record.ts';
import { toMarkdown } from '../../../domain/meeting/record-markdown.ts';
import { recordOutline } from '../../../domain/meeting/record-outline.ts';
import { replay } from '../../../domain/meeting/reducer.ts';
import type { MeetingSetup } from '../../../domain/meeting/types.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import { eventsAfter } from '../../live/event-log.ts';
import { setResource } from '../resources.ts';
import { rosters } from '../sets/queries.ts';
import { recordPdf } from './record-pdf.ts';
import { recordWords } from './record-words.ts';
import { meetingSetResource } from './service.ts';

async function heldState(ctx: AppContext, meetingId: string) {
  const row = await ctx.store.plain
    .selectFrom('meeting')
    .select(['setup_json', 'starts_at'])
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  if (!row.setup_json) return undefined;
  const setup = JSON.parse(row.setup_json) as MeetingSetup;
  return {
    setup,
    state: replay(setup, await eventsAfter(ctx.store.plain, meetingId, 0)),
    startsAt: row.starts_at,
  };
}

/** What belongs to the viewer and to the set after a meeting: agenda run, attendance, problem, questions, actions. */
async function ownRecord(ctx: AppContext, actor: PersonActor, meetingId: string) {
  authorize(actor, 'meeting.join', await meetingSetResource(ctx, meetingId));
  const held = await heldState(ctx, meetingId);
  if (!held) throw new Problem('not-found', 'This meeting has not been held yet, so it has no record.');
  const record = meetingRecordFor(held.setup, held.state, actor.personId);
  if (!record) throw new Problem('not-found', 'There is no record of this meeting for you.');
  return record;
}

/** The viewer's record, with its Markdown export (in the record catalogue's words). */
export async function meetingRecord(ctx: AppContext, actor: PersonActor, meetingId: string) {
  const record = await ownRecord(ctx, actor, meetingId);
  return { record, markdown: toMarkdown(recordOutline(record, recordWords(ctx.i18n))) };
}

/** The viewer's record as a PDF: the same outline as the Markdown. */
export async function meetingRecordPdf(ctx: AppContext, actor: PersonActor, meetingId: string) {
  const record = await ownRecord(ctx, actor, meetingId);
  return recordPdf(recordOutline(record, recordWords(ctx.i18n)));
}

/** Who presented when and for how long, and who might present next so everyone gets their turn. */
export async function setTurns(ctx: AppContext, actor: PersonActor, setId: string) {
  authorize(actor, 'set.readCounts', await setResource(ctx.store.plain, setId));
  const meetings = await ctx.store.plain
    .selectFrom('meeting')
    .select('id')
    .where('set_id', '=', setId)
    .where('setup_json', 'is not', null)
    .orderBy('starts_at')
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
  const roster = (await rosters(ctx.db, [setId])).get(setId) ?? [];
  const members = roster
    .filter((r) => r.role === 'member')
    .map((r) => ({ personId: r.personId, name: r.name }));
  // Counts only, never the texts: these are what a coordinator may see of a set's actions.
  const actions = await ctx.store.plain
    .selectFrom('action')
    .select(['owner_id', 'status'])
    .where('set_id', '=', setId)
    .execute();
  const actionCounts = members.map(({ personId }) => {
    const own = actions.filter((a) => a.owner_id === personId);
    return { personId, committed: own.length, completed: own.filter((a) => a.status === 'done').length };
  });
  return { ...fairTurns(history, members), members, history, actionCounts };
}
