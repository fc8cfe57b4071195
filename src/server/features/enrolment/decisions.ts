import type { z } from 'zod';
import type * as contract from '../../../contract/enrolment.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { type Decision, decisionProblem, decisionStatus } from '../../../domain/enrolment.ts';
import { takesDecisions, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { writeInvitation } from '../invitations/service.ts';
import { ensurePerson } from './applicant-person.ts';
import { queueNotice } from './mail.ts';
import { applicationResource, loadPresented, programmeFacts, programmeOf } from './service.ts';

const decisionMails: Record<Decision, string> = {
  accept: 'applicationAccepted',
  waitlist: 'applicationWaitlisted',
  decline: 'applicationDeclined',
};

/** Accepts, wait-lists or declines an application and tells the applicant by email. */
export async function decideApplication(
  ctx: AppContext,
  actor: PersonActor,
  id: string,
  input: z.output<typeof contract.decideApplication.body>,
) {
  authorize(actor, 'application.decide', await applicationResource(ctx, id));
  const app = await ctx.db
    .selectFrom('application')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const p = await programmeFacts(ctx, app.programmeId);
  if (!takesDecisions(p.status)) throw conflict(whyNot(p.status, 'decide'));
  const problem = decisionProblem(app.status, input.decision);
  if (problem) throw conflict(problem, 'body.decision');
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    const personId =
      input.decision === 'accept'
        ? await ensurePerson(tx, p.hostId, p.defaultLanguage, app, now)
        : app.personId;
    const updated = await tx.db
      .updateTable('application')
      .set({
        status: decisionStatus[input.decision],
        personId,
        asFacilitator: input.asFacilitator === undefined ? app.asFacilitator : input.asFacilitator ? 1 : 0,
        decidedBy: actor.personId,
        decidedAt: now,
        updatedAt: now,
      })
      .where('id', '=', id)
      .where('status', '=', app.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('This application changed meanwhile; reload it.');
    const person = personId
      ? await tx.db
          .selectFrom('person')
          .select(['userId', 'language'])
          .where('id', '=', personId)
          .executeTakeFirstOrThrow()
      : undefined;
    let kind = decisionMails[input.decision];
    let actionUrl = ctx.config.publicUrl;
    if (input.decision === 'accept' && personId && !person?.userId) {
      kind = 'applicationAcceptedInvite';
      actionUrl = (await writeInvitation(tx, personId, actor.personId)).url;
    }
    await queueNotice(tx, tx.db, {
      kind,
      hostId: p.hostId,
      hostName: p.hostName,
      to: { name: app.name, email: app.email, language: person?.language ?? p.defaultLanguage },
      vars: { programmeName: p.name },
      actionUrl,
    });
    tx.afterCommit(() => ctx.mail.wake());
  });
  return loadPresented(ctx, actor, id);
}

// ---------------------------------------------------------------- withdrawing

/** Whose withdrawal: a person (all their applications to the programme, and its sets) and/or one application. */
export interface Withdrawer {
  programmeId: string;
  /** The person withdrawing, when there is one: an applicant through the open link has none yet. */
  personId: string | null;
  /**
   * The application the request names. When given, it must still be open: if it was already withdrawn the
   * whole withdrawal is refused with 409 and nothing changes.
   */
  applicationId?: string;
}

/**
 * Takes a person out of a programme: their application and consent end, they leave its set rosters.
 * Their own content (journal, problems, actions) is untouched and stays theirs. The one piece of code
 * behind every way of withdrawing: signed in (by application or by programme) and the private link in
 * the acknowledgement mail (status-link.ts).
 */
export async function withdraw(ctx: AppContext, who: Withdrawer) {
  const { programmeId, personId, applicationId } = who;
  if (!personId && !applicationId) throw new Error('withdraw needs a person or an application');
  const now = ctx.now().toISOString();
  const left = await transact(ctx, async (tx) => {
    const apps = await tx.db
      .selectFrom('application')
      .select('id')
      .where('programmeId', '=', programmeId)
      .where((eb) =>
        eb.or([
          ...(personId ? [eb('personId', '=', personId)] : []),
          ...(applicationId ? [eb('id', '=', applicationId)] : []),
        ]),
      )
      .where('status', '!=', 'withdrawn')
      .execute();
    for (const app of apps) {
      // Conditional, so of two withdrawals at once only one changes the row (the other is told 409).
      const updated = await tx.db
        .updateTable('application')
        .set({ status: 'withdrawn', withdrawnAt: now, inviteTokenHash: null, updatedAt: now })
        .where('id', '=', app.id)
        .where('status', '!=', 'withdrawn')
        .executeTakeFirst();
      if (app.id === applicationId && Number(updated.numUpdatedRows) !== 1) throw alreadyWithdrawn();
      await tx.db
        .updateTable('consent')
        .set({ withdrawnAt: now })
        .where('applicationId', '=', app.id)
        .where('withdrawnAt', 'is', null)
        .execute();
    }
    if (applicationId && !apps.some((a) => a.id === applicationId)) throw alreadyWithdrawn();
    if (!personId) return [];
    const sets = await tx.db
      .selectFrom('setMembership')
      .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
      .select('setMembership.setId')
      .where('setMembership.personId', '=', personId)
      .where('learningSet.programmeId', '=', programmeId)
      .execute();
    for (const s of sets) {
      await tx.db
        .deleteFrom('setMembership')
        .where('setId', '=', s.setId)
        .where('personId', '=', personId)
        .execute();
      // Their open live sockets in the set close, here and on other nodes, once the change is in.
      tx.afterCommit(() => ctx.bus.publish({ kind: 'revoke', setId: s.setId, personId }));
    }
    return sets.map((s) => s.setId);
  });
  return { withdrawn: true as const, leftSets: left };
}

const alreadyWithdrawn = () =>
  conflict('This application is already withdrawn. You can apply again while the programme is recruiting.');

export async function withdrawApplication(ctx: AppContext, actor: PersonActor, id: string) {
  const resource = await applicationResource(ctx, id);
  authorize(actor, 'application.withdraw', resource);
  await withdraw(ctx, { programmeId: resource.programmeId, personId: actor.personId });
  return loadPresented(ctx, actor, id);
}

export async function withdrawFromProgramme(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const resource = await programmeOf(ctx, programmeId);
  const hasApplication = await ctx.db
    .selectFrom('application')
    .select('id')
    .where('programmeId', '=', programmeId)
    .where('personId', '=', actor.personId)
    .executeTakeFirst();
  // An applicant not yet in a set withdraws their application; a member leaves the programme's sets.
  if (hasApplication)
    authorize(actor, 'application.withdraw', await applicationResource(ctx, hasApplication.id));
  else authorize(actor, 'programme.withdraw', resource);
  return withdraw(ctx, { programmeId, personId: actor.personId });
}
