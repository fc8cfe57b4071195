/**
 * What a set sees of its proposals to share a concern with the programme: the list with objections and
 * room approvals by name, one proposal, and the set's objection period. Set content until shared: the
 * access map lets only the set read it (anyone else gets 404 for a proposal, 403 or 404 for the list).
 */
import type { Kysely } from 'kysely';
import type {
  Proposal,
  SetConcerns,
  setConcernActions as setConcernActionList,
} from '../../../contract/concerns.ts';
import {
  abilitiesFor,
  type ConcernResource,
  can,
  type PersonActor,
  type SetResource,
} from '../../../domain/access.ts';
import { consentState, objectionPeriodDays } from '../../../domain/concerns/consent.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { setResource } from '../resources.ts';
import { type ConcernRow, loadConcern, settleConsent } from './store.ts';

type SetAbilities = Record<(typeof setConcernActionList)[number], boolean>;

export const setAbilities = (actor: PersonActor, set: SetResource): SetAbilities => ({
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
export async function setSize(db: Kysely<DB>, setId: string): Promise<number> {
  const row = await db
    .selectFrom('setMembership')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('setMembership.setId', '=', setId)
    .where('person.archivedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setFacts(db: Kysely<DB>, setId: string) {
  return db
    .selectFrom('learningSet')
    .select(['id', 'name', 'archivedAt', 'programmeId'])
    .where('id', '=', setId)
    .executeTakeFirstOrThrow();
}

/** Proposals as the set sees them: proposer, objections and room approvals with names. */
export async function proposalViews(
  db: Kysely<DB>,
  actor: PersonActor,
  rows: ConcernRow[],
  resources: Map<string, ConcernResource>,
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

export async function oneView(ctx: AppContext, actor: PersonActor, concernId: string): Promise<Proposal> {
  const { row, resource } = await loadConcern(ctx.db, concernId);
  const [view] = await proposalViews(ctx.db, actor, [row], new Map([[row.id, resource]]), ctx.now());
  return view!;
}

export async function setRows(db: Kysely<DB>, setId: string, statuses: ConcernRow['status'][]) {
  return db
    .selectFrom('concern')
    .selectAll()
    .where('setId', '=', setId)
    .where('status', 'in', statuses)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

export const resourcesOf = (rows: ConcernRow[], set: SetResource) =>
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

export async function getConcern(ctx: AppContext, actor: PersonActor, concernId: string): Promise<Proposal> {
  const { resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, 'concern.read', resource);
  await transact(ctx, (tx) => settleConsent(tx.db, ctx.now(), { concernId }));
  const view = await oneView(ctx, actor, concernId);
  if (view.status === 'withdrawn') throw notFound('concern');
  return view;
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
