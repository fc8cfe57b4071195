/**
 * A set's proposals to share a concern with its programme, and the set's consent: objections, room
 * approvals, edits and withdrawals. Everything here is set content until shared: the access map lets only
 * the set read it (anyone else gets 404 for a proposal, 403 or 404 for the set's list).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  Proposal,
  RoomConcerns,
  SetConcerns,
  setConcernActions as setConcernActionList,
} from '../../../contract/concerns.ts';
import { abilitiesFor, can, type PersonActor, type SetResource } from '../../../domain/access.ts';
import {
  consentDeadline,
  consentState,
  minimumPresent,
  objectionPeriodDays,
  roomVerdict,
  sharedOnWithdrawal,
} from '../../../domain/concerns/consent.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { setResource } from '../resources.ts';
import { proposalAudience, queueProposalMails } from './mail.ts';
import { type ConcernRow, loadConcern, lockConcern, settleConsent } from './store.ts';

type SetAbilities = Record<(typeof setConcernActionList)[number], boolean>;

const setAbilities = (actor: PersonActor, set: SetResource): SetAbilities => ({
  'concern.listProposals': can(actor, 'concern.listProposals', set),
  'concern.propose': can(actor, 'concern.propose', set),
  'concern.configure': can(actor, 'concern.configure', set),
});

export async function objectionDays(db: Kysely<DB>, setId: string): Promise<number> {
  const row = await db
    .selectFrom('setConcernSetting')
    .select('objectionDays')
    .where('setId', '=', setId)
    .executeTakeFirst();
  return row?.objectionDays ?? objectionPeriodDays.default;
}

/** Everyone in the set now (members and facilitator), not archived. */
async function setSize(db: Kysely<DB>, setId: string): Promise<number> {
  const row = await db
    .selectFrom('setMembership')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('setMembership.setId', '=', setId)
    .where('person.archivedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function setFacts(db: Kysely<DB>, setId: string) {
  return db
    .selectFrom('learningSet')
    .select(['id', 'name', 'archivedAt', 'programmeId'])
    .where('id', '=', setId)
    .executeTakeFirstOrThrow();
}

/** Proposals as the set sees them: proposer, objections and room approvals with names. */
async function proposalViews(
  db: Kysely<DB>,
  actor: PersonActor,
  rows: ConcernRow[],
  resources: Map<string, import('../../../domain/access.ts').ConcernResource>,
  now: Date,
): Promise<Proposal[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.map((r) => r.proposerId))];
  const objections = await db
    .selectFrom('concernObjection')
    .innerJoin('person', 'person.id', 'concernObjection.personId')
    .select(['concernObjection.concernId', 'person.id', 'person.name'])
    .where('concernObjection.concernId', 'in', ids)
    .orderBy('concernObjection.createdAt')
    .execute();
  const approvals = await db
    .selectFrom('concernApproval')
    .innerJoin('person', 'person.id', 'concernApproval.personId')
    .select(['concernApproval.concernId', 'person.id', 'person.name'])
    .where('concernApproval.concernId', 'in', ids)
    .orderBy('person.name')
    .execute();
  const proposers = await db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('id', 'in', personIds)
    .execute();
  const names = new Map(proposers.map((p) => [p.id, p.name]));
  const ref = (p: { id: string; name: string }) => ({ personId: p.id, name: p.name });
  return rows.map((r) => {
    const against = objections.filter((o) => o.concernId === r.id);
    const approved = approvals.filter((a) => a.concernId === r.id);
    const state = consentState({ status: r.status, consentBy: r.consentBy, objections: against.length }, now);
    return {
      id: r.id,
      setId: r.setId,
      statement: r.statement,
      themeTag: r.themeTag,
      showSetName: Boolean(r.showSetName),
      status: r.status,
      // "due" is shared as of its deadline; it is recorded by the settle that ran before this read.
      state: state === 'due' ? 'shared' : state,
      version: r.version,
      proposedAt: r.proposedAt,
      consentBy: r.consentBy,
      sharedAt: r.sharedAt,
      sharedHow: r.sharedHow,
      proposer: { personId: r.proposerId, name: names.get(r.proposerId) ?? '' },
      mine: r.proposerId === actor.personId,
      objections: against.map(ref),
      iObject: against.some((o) => o.id === actor.personId),
      approvals: approved.map(ref),
      iApproved: approved.some((a) => a.id === actor.personId),
      abilities: abilitiesFor(actor, resources.get(r.id)!),
    };
  });
}

async function oneView(ctx: AppContext, actor: PersonActor, concernId: string): Promise<Proposal> {
  const { row, resource } = await loadConcern(ctx.db, concernId);
  const [view] = await proposalViews(ctx.db, actor, [row], new Map([[row.id, resource]]), ctx.now());
  return view!;
}

async function setRows(db: Kysely<DB>, setId: string, statuses: ConcernRow['status'][]) {
  return db
    .selectFrom('concern')
    .selectAll()
    .where('setId', '=', setId)
    .where('status', 'in', statuses)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

const resourcesOf = (rows: ConcernRow[], set: SetResource) =>
  new Map(
    rows.map((r) => [
      r.id,
      {
        type: 'concern' as const,
        hostId: set.hostId,
        programmeId: set.programmeId,
        setId: set.setId,
        proposerId: r.proposerId,
        programmeClosed: set.programmeClosed,
      },
    ]),
  );

export async function listSetConcerns(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
): Promise<SetConcerns> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'concern.listProposals', set);
  const now = ctx.now();
  await transact(ctx, (tx) => settleConsent(tx.db, now, { setId }));
  const facts = await setFacts(ctx.db, setId);
  const rows = await setRows(ctx.db, setId, ['proposed', 'shared']);
  // Open proposals first (newest first), then what the set has shared (most recently shared first).
  rows.sort((a, b) => {
    const rank = (r: ConcernRow) => (r.status === 'proposed' ? 0 : 1);
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    const key = (r: ConcernRow) => (r.status === 'shared' ? (r.sharedAt ?? '') : r.createdAt);
    return key(b).localeCompare(key(a));
  });
  return {
    setId,
    setName: facts.name,
    objectionDays: await objectionDays(ctx.db, setId),
    proposals: await proposalViews(ctx.db, actor, rows, resourcesOf(rows, set), now),
    abilities: setAbilities(actor, set),
  };
}

export async function proposeConcern(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: { statement: string; themeTag: string; showSetName: boolean },
): Promise<Proposal> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'concern.propose', set);
  const facts = await setFacts(ctx.db, setId);
  if (facts.archivedAt) throw conflict('This set is archived, so it can no longer share concerns.');
  const days = await objectionDays(ctx.db, setId);
  const audience = await proposalAudience(ctx, setId, actor.personId);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  const consentBy = consentDeadline(now, days);
  await transact(ctx, async (tx) => {
    await tx.db
      .insertInto('concern')
      .values({
        id,
        programmeId: set.programmeId,
        setId,
        proposerId: actor.personId,
        statement: input.statement,
        themeTag: input.themeTag,
        showSetName: input.showSetName ? 1 : 0,
        status: 'proposed',
        version: 1,
        proposedAt: now,
        consentBy,
        sharedAt: null,
        sharedHow: null,
        withdrawnAt: null,
        themeId: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await queueProposalMails(tx, audience, {
      setId,
      setName: facts.name,
      proposerId: actor.personId,
      statement: input.statement,
      consentBy,
      kind: 'concernProposed',
    });
  });
  return oneView(ctx, actor, id);
}

export async function getConcern(ctx: AppContext, actor: PersonActor, concernId: string): Promise<Proposal> {
  const { resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, 'concern.read', resource);
  await transact(ctx, (tx) => settleConsent(tx.db, ctx.now(), { concernId }));
  const view = await oneView(ctx, actor, concernId);
  if (view.status === 'withdrawn') throw notFound('concern');
  return view;
}

/** The proposal locked and settled for a change; refused once it is shared or withdrawn. */
async function openForChange(
  tx: AppContext,
  concernId: string,
  now: Date,
  doing: string,
): Promise<ConcernRow> {
  await lockConcern(tx.db, concernId);
  await settleConsent(tx.db, now, { concernId });
  const { row } = await loadConcern(tx.db, concernId);
  if (row.status === 'shared')
    throw conflict(`This concern has already been shared with the programme, so you can no longer ${doing}.`);
  if (row.status === 'withdrawn') throw notFound('concern');
  return row;
}

export async function editConcern(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
  patch: { statement?: string | undefined; themeTag?: string | undefined; showSetName?: boolean | undefined },
): Promise<Proposal> {
  const { row: before, resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, 'concern.update', resource);
  const facts = await setFacts(ctx.db, before.setId);
  const days = await objectionDays(ctx.db, before.setId);
  const audience = await proposalAudience(ctx, before.setId, actor.personId);
  const now = ctx.now();
  await transact(ctx, async (tx) => {
    const row = await openForChange(tx, concernId, now, 'change it');
    const next = {
      statement: patch.statement ?? row.statement,
      themeTag: patch.themeTag ?? row.themeTag,
      showSetName: patch.showSetName === undefined ? row.showSetName : patch.showSetName ? 1 : 0,
    };
    if (
      next.statement === row.statement &&
      next.themeTag === row.themeTag &&
      next.showSetName === row.showSetName
    )
      return;
    // Others agreed to the old words: the period starts again, and room approvals no longer stand.
    const consentBy = consentDeadline(now.toISOString(), days);
    await tx.db
      .updateTable('concern')
      .set({
        ...next,
        version: row.version + 1,
        proposedAt: now.toISOString(),
        consentBy,
        updatedAt: now.toISOString(),
      })
      .where('id', '=', concernId)
      .execute();
    await tx.db.deleteFrom('concernApproval').where('concernId', '=', concernId).execute();
    await queueProposalMails(tx, audience, {
      setId: row.setId,
      setName: facts.name,
      proposerId: actor.personId,
      statement: next.statement,
      consentBy,
      kind: 'concernChanged',
    });
  });
  return oneView(ctx, actor, concernId);
}

export async function withdrawConcern(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
): Promise<undefined> {
  const { resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, 'concern.withdraw', resource);
  const now = ctx.now();
  await transact(ctx, async (tx) => {
    await openForChange(tx, concernId, now, 'withdraw it');
    await tx.db
      .updateTable('concern')
      .set({ status: 'withdrawn', withdrawnAt: now.toISOString(), updatedAt: now.toISOString() })
      .where('id', '=', concernId)
      .execute();
    await tx.db.deleteFrom('concernApproval').where('concernId', '=', concernId).execute();
  });
  return undefined;
}

export async function objectToConcern(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
): Promise<Proposal> {
  const { resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, 'concern.object', resource);
  const now = ctx.now();
  await transact(ctx, async (tx) => {
    await openForChange(tx, concernId, now, 'object to it');
    await tx.db
      .insertInto('concernObjection')
      .values({ concernId, personId: actor.personId, createdAt: now.toISOString() })
      .onConflict((oc) => oc.columns(['concernId', 'personId']).doNothing())
      .execute();
    // An objection outweighs an approval the same person gave in the room.
    await tx.db
      .deleteFrom('concernApproval')
      .where('concernId', '=', concernId)
      .where('personId', '=', actor.personId)
      .execute();
  });
  return oneView(ctx, actor, concernId);
}

export async function withdrawObjection(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
): Promise<Proposal> {
  const { resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, 'concern.object', resource);
  const now = ctx.now();
  await transact(ctx, async (tx) => {
    const row = await openForChange(tx, concernId, now, 'change your objection');
    await tx.db
      .deleteFrom('concernObjection')
      .where('concernId', '=', concernId)
      .where('personId', '=', actor.personId)
      .execute();
    const left = await tx.db
      .selectFrom('concernObjection')
      .select('personId')
      .where('concernId', '=', concernId)
      .execute();
    // The last objection gone after the deadline: shared now, not back-dated to a deadline it was held at.
    const sharedAt = left.length === 0 ? sharedOnWithdrawal(row.consentBy, now) : null;
    if (sharedAt)
      await tx.db
        .updateTable('concern')
        .set({ status: 'shared', sharedAt, sharedHow: 'period', updatedAt: sharedAt })
        .where('id', '=', concernId)
        .where('status', '=', 'proposed')
        .execute();
  });
  return oneView(ctx, actor, concernId);
}

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

export async function updateConcernSettings(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  days: number,
): Promise<SetConcerns> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'concern.configure', set);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db.deleteFrom('setConcernSetting').where('setId', '=', setId).execute();
    await tx.db
      .insertInto('setConcernSetting')
      .values({ setId, objectionDays: days, updatedBy: actor.personId, updatedAt: now })
      .execute();
  });
  return listSetConcerns(ctx, actor, setId);
}
