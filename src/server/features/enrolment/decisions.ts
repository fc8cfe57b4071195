import type { PersonActor } from '../../../domain/access.ts';
import { type Decision, decisionProblem, decisionStatus } from '../../../domain/enrolment.ts';
import { takesDecisions, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict } from '../../http/problem.ts';
import { programmeResource } from '../resources.ts';
import { ensurePerson } from './applicant-person.ts';
import { issueAccountInvitation, queueNotice } from './mail.ts';
import { applicationResource, loadPresented, programmeFacts } from './service.ts';

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
  input: { decision: Decision; asFacilitator?: boolean | undefined },
) {
  authorize(actor, 'application.decide', await applicationResource(ctx, id));
  const app = await ctx.store.plain
    .selectFrom('application')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const p = await programmeFacts(ctx.store.plain, app.programme_id);
  if (!takesDecisions(p.status)) throw conflict(whyNot(p.status, 'decide'));
  const problem = decisionProblem(app.status, input.decision);
  if (problem) throw conflict(problem, 'body.decision');
  const now = ctx.now().toISOString();
  await ctx.store.plain.transaction().execute(async (trx) => {
    const personId =
      input.decision === 'accept'
        ? await ensurePerson(trx, p.host_id, p.default_language, app, now)
        : app.person_id;
    const updated = await trx
      .updateTable('application')
      .set({
        status: decisionStatus[input.decision],
        person_id: personId,
        as_facilitator: input.asFacilitator === undefined ? app.as_facilitator : input.asFacilitator ? 1 : 0,
        decided_by: actor.personId,
        decided_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', app.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('This application changed meanwhile; reload it.');
    const person = personId
      ? await trx
          .selectFrom('person')
          .select(['user_id', 'language'])
          .where('id', '=', personId)
          .executeTakeFirstOrThrow()
      : undefined;
    let kind = decisionMails[input.decision];
    let actionUrl = ctx.config.publicUrl;
    if (input.decision === 'accept' && personId && !person?.user_id) {
      kind = 'applicationAcceptedInvite';
      actionUrl = await issueAccountInvitation(ctx, trx, personId, actor.personId);
    }
    await queueNotice(ctx, trx, {
      kind,
      hostId: p.host_id,
      hostName: p.host_name,
      to: { name: app.name, email: app.email, language: person?.language ?? p.default_language },
      vars: { programmeName: p.name },
      actionUrl,
    });
  });
  ctx.mail.wake();
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
  const left = await ctx.store.plain.transaction().execute(async (trx) => {
    const apps = await trx
      .selectFrom('application')
      .select('id')
      .where('programme_id', '=', programmeId)
      .where((eb) =>
        eb.or([
          ...(personId ? [eb('person_id', '=', personId)] : []),
          ...(applicationId ? [eb('id', '=', applicationId)] : []),
        ]),
      )
      .where('status', '!=', 'withdrawn')
      .execute();
    for (const app of apps) {
      // Conditional, so of two withdrawals at once only one changes the row (the other is told 409).
      const updated = await trx
        .updateTable('application')
        .set({ status: 'withdrawn', withdrawn_at: now, invite_token_hash: null, updated_at: now })
        .where('id', '=', app.id)
        .where('status', '!=', 'withdrawn')
        .executeTakeFirst();
      if (app.id === applicationId && Number(updated.numUpdatedRows) !== 1) throw alreadyWithdrawn();
      await trx
        .updateTable('consent')
        .set({ withdrawn_at: now })
        .where('application_id', '=', app.id)
        .where('withdrawn_at', 'is', null)
        .execute();
    }
    if (applicationId && !apps.some((a) => a.id === applicationId)) throw alreadyWithdrawn();
    if (!personId) return [];
    const sets = await trx
      .selectFrom('set_membership')
      .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
      .select('set_membership.set_id')
      .where('set_membership.person_id', '=', personId)
      .where('learning_set.programme_id', '=', programmeId)
      .execute();
    for (const s of sets)
      await trx
        .deleteFrom('set_membership')
        .where('set_id', '=', s.set_id)
        .where('person_id', '=', personId)
        .execute();
    return sets.map((s) => s.set_id);
  });
  for (const setId of left) ctx.bus.publish({ kind: 'revoke', setId, personId: personId! });
  return { withdrawn: true, leftSets: left };
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
  const resource = await programmeResource(ctx.store.plain, programmeId);
  const hasApplication = await ctx.store.plain
    .selectFrom('application')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  // An applicant not yet in a set withdraws their application; a member leaves the programme's sets.
  if (hasApplication)
    authorize(actor, 'application.withdraw', await applicationResource(ctx, hasApplication.id));
  else authorize(actor, 'programme.withdraw', resource);
  return withdraw(ctx, { programmeId, personId: actor.personId });
}
