/**
 * A set's proposals to share a concern with its programme, and consent by objection: proposing, editing
 * and withdrawing a proposal, objecting and withdrawing an objection. A proposal no one objects to is
 * shared when its objection period ends; the room can share it sooner (room-approval.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Proposal } from '../../../contract/concerns.ts';
import type { Action, PersonActor } from '../../../domain/access.ts';
import { consentDeadline, sharedOnWithdrawal } from '../../../domain/concerns/consent.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { setResource } from '../resources.ts';
import { proposalAudience, queueProposalMails } from './mail.ts';
import { objectionDays, oneView, setFacts } from './proposal-view.ts';
import { type ConcernRow, loadConcern, lockConcern, settleConsent } from './store.ts';

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

/** The proposal locked and settled for a change; refused once it is shared or withdrawn. */
export async function openForChange(
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

/** Checks the actor may, then makes the change in the transaction that opens the proposal for it. */
async function changeProposal(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
  action: Action,
  doing: string,
  change: (tx: AppContext, row: ConcernRow, now: Date) => Promise<void>,
): Promise<void> {
  const { resource } = await loadConcern(ctx.db, concernId);
  authorize(actor, action, resource);
  const now = ctx.now();
  await transact(ctx, async (tx) => change(tx, await openForChange(tx, concernId, now, doing), now));
}

export async function withdrawConcern(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
): Promise<undefined> {
  await changeProposal(ctx, actor, concernId, 'concern.withdraw', 'withdraw it', async (tx, _row, now) => {
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
  await changeProposal(ctx, actor, concernId, 'concern.object', 'object to it', async (tx, _row, now) => {
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
  await changeProposal(
    ctx,
    actor,
    concernId,
    'concern.object',
    'change your objection',
    async (tx, row, now) => {
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
    },
  );
  return oneView(ctx, actor, concernId);
}
