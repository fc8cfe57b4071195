/**
 * Sharing a concern in the room: those present at a running meeting approve a proposal, and it is shared
 * at once when enough of the set has approved and no one objects; the live room's process-review panel
 * shows the open proposals, who is here and who still has to approve.
 */
import type { Kysely } from 'kysely';
import type { Proposal, RoomConcerns } from '../../../contract/concerns.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { minimumPresent, roomVerdict } from '../../../domain/concerns/consent.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { setResource } from '../resources.ts';
import { oneView, proposalViews, resourcesOf, setAbilities, setRows, setSize } from './proposal-view.ts';
import { openForChange } from './proposals.ts';
import { loadConcern, settleConsent } from './store.ts';

/** The meeting, if it belongs to the set; and whether it is running now. */
async function setMeeting(db: Kysely<DB>, meetingId: string, setId: string) {
  const meeting = await db
    .selectFrom('meeting')
    .select(['id', 'setId', 'status'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting || meeting.setId !== setId) throw notFound('meeting');
  return meeting;
}

export async function approveConcern(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
  meetingId: string,
): Promise<Proposal> {
  const { row: before, resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, 'concern.approve', resource);
  const meeting = await setMeeting(ctx.db, meetingId, before.setId);
  if (meeting.status !== 'live')
    throw conflict(
      'This meeting is not running, so the room cannot approve now. Approve while the meeting is on, or let the objection period run.',
    );
  const present = await ctx.live.presentIn(meetingId);
  if (!present.includes(actor.personId))
    throw conflict("Join the meeting's live room to approve there: approvals count from those present.");
  const size = await setSize(ctx.db, before.setId);
  const now = ctx.now();
  await transact(ctx, async (tx) => {
    await openForChange(tx, concernId, now, 'approve it');
    const against = await tx.db
      .selectFrom('concernObjection')
      .innerJoin('person', 'person.id', 'concernObjection.personId')
      .select(['person.id', 'person.name'])
      .where('concernObjection.concernId', '=', concernId)
      .orderBy('person.name')
      .execute();
    if (against.some((o) => o.id === actor.personId))
      throw conflict(
        'You object to sharing this concern. Withdraw your objection first if you now approve it.',
      );
    const objectors = { names: against.map((o) => o.name) };
    if (against.length === 1)
      throw conflict(
        '{{names}} objects to sharing this concern, so it cannot be shared. Talk it through; it can be shared once every objection is withdrawn.',
        undefined,
        objectors,
      );
    if (against.length)
      throw conflict(
        '{{names}} object to sharing this concern, so it cannot be shared. Talk it through; it can be shared once every objection is withdrawn.',
        undefined,
        objectors,
      );
    await tx.db
      .insertInto('concernApproval')
      .values({ concernId, personId: actor.personId, meetingId, createdAt: now.toISOString() })
      .onConflict((oc) =>
        oc.columns(['concernId', 'personId']).doUpdateSet({ meetingId, createdAt: now.toISOString() }),
      )
      .execute();
    const verdict = await verdictIn(tx.db, concernId, before.proposerId, meetingId, present, size);
    if (verdict.shareNow)
      await tx.db
        .updateTable('concern')
        .set({
          status: 'shared',
          sharedAt: now.toISOString(),
          sharedHow: 'room',
          updatedAt: now.toISOString(),
        })
        .where('id', '=', concernId)
        .where('status', '=', 'proposed')
        .execute();
  });
  return oneView(ctx, actor, concernId);
}

/** The room's verdict on one proposal: approvals given in this meeting by those present now. */
async function verdictIn(
  db: Kysely<DB>,
  concernId: string,
  proposerId: string,
  meetingId: string,
  present: readonly string[],
  size: number,
) {
  const approvals = await db
    .selectFrom('concernApproval')
    .select('personId')
    .where('concernId', '=', concernId)
    .where('meetingId', '=', meetingId)
    .execute();
  const objections = await db
    .selectFrom('concernObjection')
    .select('personId')
    .where('concernId', '=', concernId)
    .execute();
  return roomVerdict({
    setSize: size,
    present,
    approvals: approvals.map((a) => a.personId),
    proposerId,
    objections: objections.length,
  });
}

/** What the live room's process-review panel shows: open proposals, who is here, who still has to approve. */
export async function listRoomConcerns(
  ctx: AppContext,
  actor: PersonActor,
  meetingId: string,
): Promise<RoomConcerns> {
  const meeting = await ctx.db
    .selectFrom('meeting')
    .select(['id', 'setId', 'status'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound('meeting');
  const set = await setResource(ctx.db, meeting.setId);
  authorize(actor, 'concern.listProposals', set);
  const now = ctx.now();
  await transact(ctx, (tx) => settleConsent(tx.db, now, { setId: set.setId }));
  const live = meeting.status === 'live';
  const present = live ? await ctx.live.presentIn(meetingId) : [];
  const size = await setSize(ctx.db, set.setId);
  const people = present.length
    ? await ctx.db
        .selectFrom('person')
        .select(['id', 'name'])
        .where('id', 'in', [...present])
        .execute()
    : [];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const ref = (id: string) => ({ personId: id, name: nameOf.get(id) ?? '' });
  // Open proposals, and those this room shared (so the room sees the outcome of its approval).
  const approvedHere = new Set(
    (
      await ctx.db
        .selectFrom('concernApproval')
        .select('concernId')
        .where('meetingId', '=', meetingId)
        .execute()
    ).map((a) => a.concernId),
  );
  const rows = (await setRows(ctx.db, set.setId, ['proposed', 'shared'])).filter(
    (r) => r.status === 'proposed' || (r.sharedHow === 'room' && approvedHere.has(r.id)),
  );
  rows.reverse();
  const views = await proposalViews(ctx.db, actor, rows, resourcesOf(rows, set), now);
  const proposals = [];
  for (const view of views) {
    const verdict =
      view.status === 'proposed'
        ? await verdictIn(ctx.db, view.id, view.proposer.personId, meetingId, present, size)
        : ({ shareNow: true } as const);
    const approvedHere = verdict.shareNow ? [] : verdict.waitingFor;
    proposals.push({
      ...view,
      waitingFor: approvedHere.map(ref),
      blockedBy:
        view.status !== 'proposed'
          ? null
          : !live
            ? ('not-live' as const)
            : verdict.shareNow
              ? null
              : verdict.reason,
    });
  }
  return {
    meetingId,
    setId: set.setId,
    live,
    present: [...present].map(ref).sort((a, b) => a.name.localeCompare(b.name)),
    minimumPresent: minimumPresent(size),
    setSize: size,
    proposals,
    abilities: setAbilities(actor, set),
  };
}
