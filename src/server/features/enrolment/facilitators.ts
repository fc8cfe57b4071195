import { randomUUID } from 'node:crypto';
import type { FacilitatorInvitation } from '../../../contract/enrolment.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { takesImports, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { issueInvitation } from '../invitations/service.ts';
import { ensurePerson } from './applicant-person.ts';
import { assertManagesEnrolment, loadPresented, programmeFacts } from './service.ts';

/**
 * Issue 13, item 15: a coordinator enrols a facilitator directly. They become an accepted application
 * marked as facilitator, the record formation reads, with none of the participants' questions; someone
 * without an account is invited to create one, in the same transaction.
 */
export async function inviteFacilitator(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: FacilitatorInvitation,
) {
  await assertManagesEnrolment(ctx, actor, programmeId);
  const p = await programmeFacts(ctx, programmeId);
  if (!takesImports(p.status)) throw conflict(whyNot(p.status, 'import'));
  const now = ctx.now().toISOString();
  const applicationId = await transact(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom('application')
      .select(['id', 'status'])
      .where('programmeId', '=', programmeId)
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (existing && existing.status !== 'withdrawn')
      throw conflict(
        '{{email}} already has an application to this programme; accept it as a facilitator there instead.',
        'body.email',
        { email: input.email },
      );
    const personId = await ensurePerson(
      tx,
      p.hostId,
      p.defaultLanguage,
      {
        personId: null,
        name: input.name,
        email: input.email,
        organisationName: input.organisation,
        jobRole: '',
        timeZone: '',
      },
      now,
    );
    const person = await tx.db
      .selectFrom('person')
      .select(['id', 'name', 'email', 'language', 'timeZone', 'userId', 'hostId'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const values = {
      personId,
      source: 'invitation' as const,
      status: 'accepted' as const,
      inviteTokenHash: null,
      name: person.name,
      organisationName: input.organisation,
      jobRole: '',
      themesJson: '[]',
      languagesJson: '[]',
      timeZone: person.timeZone,
      availabilityJson: '[]',
      hopes: '',
      mustAvoidJson: '[]',
      asFacilitator: 1,
      decidedBy: actor.personId,
      decidedAt: now,
      submittedAt: null,
      withdrawnAt: null,
      updatedAt: now,
    };
    let id = existing?.id;
    if (id) await tx.db.updateTable('application').set(values).where('id', '=', id).execute();
    else {
      id = randomUUID();
      await tx.db
        .insertInto('application')
        .values({ id, programmeId, email: input.email, createdAt: now, ...values })
        .execute();
    }
    if (!person.userId) await issueInvitation(tx, actor, { ...person, hostName: p.hostName });
    return id;
  });
  return loadPresented(ctx, actor, applicationId);
}
