/**
 * The question coach on the server (issue 10): the set's and the person's switches, and the share of
 * open questions per meeting, computed from the live room's event log with the browser's classifier.
 */
import type { QuestionShares, SetCoach } from '../../../contract/coach.ts';
import { abilitiesFor, type PersonActor } from '../../../domain/access.ts';
import { shareOf, sumFigures } from '../../../domain/coach/shares.ts';
import type { MeetingState } from '../../../domain/meeting/types.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { transact } from '../../transact.ts';
import { heldState } from '../meetings/record.ts';
import { personResource, setResource } from '../resources.ts';

async function personalEnabled(ctx: AppContext, personId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('personCoachSetting')
    .select('enabled')
    .where('personId', '=', personId)
    .executeTakeFirst();
  return row ? row.enabled === 1 : true;
}

export async function getMyCoach(ctx: AppContext, actor: PersonActor) {
  authorize(actor, 'person.configureCoach', await personResource(ctx.store.plain, actor.personId));
  return { enabled: await personalEnabled(ctx, actor.personId) };
}

export async function updateMyCoach(ctx: AppContext, actor: PersonActor, enabled: boolean) {
  authorize(actor, 'person.configureCoach', await personResource(ctx.store.plain, actor.personId));
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db.deleteFrom('personCoachSetting').where('personId', '=', actor.personId).execute();
    await tx.db
      .insertInto('personCoachSetting')
      .values({ personId: actor.personId, enabled: enabled ? 1 : 0, updatedAt: now })
      .execute();
  });
  return { enabled };
}

export async function getSetCoach(ctx: AppContext, actor: PersonActor, setId: string): Promise<SetCoach> {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'coach.readSettings', set);
  const row = await ctx.db
    .selectFrom('setCoachSetting')
    .select(['enabled', 'updatedAt'])
    .where('setId', '=', setId)
    .executeTakeFirst();
  const setEnabled = row ? row.enabled === 1 : true;
  const mine = await personalEnabled(ctx, actor.personId);
  const can = abilitiesFor(actor, set);
  return {
    setId,
    set: { enabled: setEnabled, updatedAt: row?.updatedAt ?? null },
    mine: { enabled: mine },
    active: setEnabled && mine,
    abilities: {
      'coach.readSettings': can['coach.readSettings'],
      'set.configureCoach': can['set.configureCoach'],
      'coach.readShares': can['coach.readShares'],
      'coach.readOwnShares': can['coach.readOwnShares'],
    },
  };
}

export async function updateSetCoach(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  enabled: boolean,
): Promise<SetCoach> {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'set.configureCoach', set);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db.deleteFrom('setCoachSetting').where('setId', '=', setId).execute();
    await tx.db
      .insertInto('setCoachSetting')
      .values({ setId, enabled: enabled ? 1 : 0, updatedBy: actor.personId, updatedAt: now })
      .execute();
  });
  return getSetCoach(ctx, actor, setId);
}

/** Every held meeting of the set (live or ended), oldest first, with its replayed state. */
async function heldMeetings(ctx: AppContext, setId: string) {
  const meetings = await ctx.db
    .selectFrom('meeting')
    .select(['id', 'status'])
    .where('setId', '=', setId)
    .where('setupJson', 'is not', null)
    .where('status', 'in', ['live', 'ended'])
    .orderBy('startsAt')
    .execute();
  const held: { meetingId: string; startsAt: string; status: 'live' | 'ended'; state: MeetingState }[] = [];
  for (const m of meetings) {
    const h = await heldState(ctx, m.id);
    if (h)
      held.push({
        meetingId: m.id,
        startsAt: h.startsAt,
        status: m.status as 'live' | 'ended',
        state: h.state,
      });
  }
  return held;
}

async function shares(ctx: AppContext, setId: string, askedBy: string | null): Promise<QuestionShares> {
  const meetings = (await heldMeetings(ctx, setId)).map(({ state, ...meeting }) => {
    const texts = state.turns
      .flatMap((t) => t.questions)
      .filter((q) => askedBy === null || q.askedBy === askedBy)
      .map((q) => q.text);
    return { ...meeting, ...shareOf(texts) };
  });
  return { setId, meetings, overall: sumFigures(meetings) };
}

/** The set's share of open questions per meeting: counts over everyone, never per person. */
export async function setQuestionShares(ctx: AppContext, actor: PersonActor, setId: string) {
  authorize(actor, 'coach.readShares', await setResource(ctx.store.plain, setId));
  return shares(ctx, setId, null);
}

/** The viewer's own questions per meeting (the ones they asked, or a scribe recorded for them). */
export async function myQuestionShares(ctx: AppContext, actor: PersonActor, setId: string) {
  authorize(actor, 'coach.readOwnShares', await setResource(ctx.store.plain, setId));
  return shares(ctx, setId, actor.personId);
}
