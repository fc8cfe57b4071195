import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../contract/enrolment.ts';
import type { ApplicationAnswers, ApplyInfo } from '../../../contract/enrolment.ts';
import type { Actor, PersonActor } from '../../../domain/access.ts';
import { availabilitySlots, consentText, currentConsent } from '../../../domain/enrolment.ts';
import { takesApplications, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { hashToken, newToken } from '../link-tokens.ts';
import { queueNotice } from './mail.ts';
import { assertManagesEnrolment, loadPresented, programmeFacts } from './service.ts';
import { newStatusLink } from './status-link.ts';

const blankAnswers = {
  organisationName: '',
  jobRole: '',
  themesJson: '[]',
  languagesJson: '[]',
  timeZone: '',
  availabilityJson: '[]',
  hopes: '',
  mustAvoidJson: '[]',
};

/** Invites someone by email to apply; a fresh invitation replaces an open one for the same address. */
export async function inviteToApply(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: z.output<typeof contract.inviteToApply.body>,
) {
  await assertManagesEnrolment(ctx, actor, programmeId);
  const p = await programmeFacts(ctx, programmeId);
  if (!takesApplications(p.status)) throw conflict(whyNot(p.status, 'apply'));
  const existing = await ctx.db
    .selectFrom('application')
    .select(['id', 'status'])
    .where('programmeId', '=', programmeId)
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (existing && existing.status !== 'invited' && existing.status !== 'withdrawn')
    throw conflict('{{email}} has already applied to this programme ({{status}}).', 'body.email', {
      email: input.email,
      status: existing.status,
    });
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'language'])
    .where('hostId', '=', p.hostId)
    .where('email', '=', input.email)
    .executeTakeFirst();
  const inviter = await ctx.db
    .selectFrom('person')
    .select('name')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const token = newToken();
  const now = ctx.now().toISOString();
  const id = existing?.id ?? randomUUID();
  await transact(ctx, async (tx) => {
    const values = {
      personId: person?.id ?? null,
      source: 'invitation' as const,
      status: 'invited' as const,
      inviteTokenHash: hashToken(token),
      name: input.name,
      asFacilitator: input.asFacilitator ? 1 : 0,
      ...blankAnswers,
      decidedBy: null,
      decidedAt: null,
      submittedAt: null,
      withdrawnAt: null,
      updatedAt: now,
    };
    if (existing) await tx.db.updateTable('application').set(values).where('id', '=', id).execute();
    else
      await tx.db
        .insertInto('application')
        .values({ id, programmeId, email: input.email, createdAt: now, ...values })
        .execute();
    await queueNotice(tx, tx.db, {
      kind: 'applyInvitation',
      hostId: p.hostId,
      hostName: p.hostName,
      to: { name: input.name, email: input.email, language: person?.language ?? p.defaultLanguage },
      vars: { inviterName: inviter.name, programmeName: p.name },
      details: [p.participation, p.meetingCadence].filter((d): d is string => Boolean(d)),
      actionUrl: `${ctx.config.publicUrl}/apply/${token}`,
    });
    tx.afterCommit(() => ctx.mail.wake());
  });
  return loadPresented(ctx, actor, id);
}

// ---------------------------------------------------------------- applicants (public)

/** An application link is either the programme's open link or one person's invitation to apply. */
async function resolveApplyToken(ctx: AppContext, token: string) {
  const open = await ctx.db
    .selectFrom('programme')
    .select('id')
    .where('applicationToken', '=', token)
    .executeTakeFirst();
  const invited = open
    ? undefined
    : await ctx.db
        .selectFrom('application')
        .select(['id', 'programmeId', 'name', 'email', 'status'])
        .where('inviteTokenHash', '=', hashToken(token))
        .executeTakeFirst();
  const programmeId = open?.id ?? invited?.programmeId;
  if (!programmeId) throw notFound('application link');
  const programme = await programmeFacts(ctx, programmeId);
  if (programme.archivedAt || !takesApplications(programme.status))
    throw new Problem('gone', `${programme.name} is not taking applications now.`);
  if (invited && invited.status !== 'invited')
    throw new Problem('gone', 'This invitation has already been used to apply.');
  return { programme, invited };
}

export async function describeApplyLink(ctx: AppContext, token: string): Promise<ApplyInfo> {
  const { programme: p, invited } = await resolveApplyToken(ctx, token);
  return {
    programme: {
      name: p.name,
      hostName: p.hostName,
      purpose: p.purpose,
      theme: p.theme,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      meetingCadence: p.meetingCadence ?? '',
      participation: p.participation ?? '',
      setSize: { min: p.minSetSize, max: p.maxSetSize },
    },
    invited: invited ? { name: invited.name, email: invited.email } : null,
    consent: currentConsent,
    availabilitySlots: [...availabilitySlots],
  };
}

/** Submits an application through a link: anonymous (name and email given) or signed in. */
export async function submitApplication(
  ctx: AppContext,
  viewer: Actor,
  token: string,
  answers: ApplicationAnswers,
) {
  const { programme: p, invited } = await resolveApplyToken(ctx, token);
  if (answers.consent.version !== currentConsent.version) {
    throw conflict(
      'The consent wording has changed since you opened the form. Please read it again and give your consent.',
      'body.consent.version',
    );
  }
  const me =
    viewer.kind === 'person' && viewer.hostId === p.hostId
      ? await ctx.db
          .selectFrom('person')
          .select(['id', 'name', 'email', 'language'])
          .where('id', '=', viewer.personId)
          .executeTakeFirstOrThrow()
      : undefined;
  const name = me?.name ?? invited?.name ?? answers.name;
  const email = me?.email ?? invited?.email ?? answers.email;
  if (!name || !email) {
    const errors = [
      ...(name ? [] : [{ field: 'body.name', message: 'Please give your name.' }]),
      ...(email ? [] : [{ field: 'body.email', message: 'Please give your email address.' }]),
    ];
    throw new Problem('validation-failed', 'Please tell us your name and email address.', errors);
  }
  const existing = invited
    ? invited
    : await ctx.db
        .selectFrom('application')
        .select(['id', 'status'])
        .where('programmeId', '=', p.id)
        .where('email', '=', email)
        .executeTakeFirst();
  if (existing && existing.status !== 'invited' && existing.status !== 'withdrawn')
    throw conflict('An application from {{email}} is already here ({{status}}).', 'body.email', {
      email,
      status: existing.status,
    });
  const person =
    me ??
    (await ctx.db
      .selectFrom('person')
      .select(['id', 'name', 'email', 'language'])
      .where('hostId', '=', p.hostId)
      .where('email', '=', email)
      .executeTakeFirst());
  const now = ctx.now().toISOString();
  const id = existing?.id ?? randomUUID();
  // The private link to see or withdraw this application without an account; a new one on every
  // submission, so a link from an earlier (withdrawn) application stops working.
  const statusLink = newStatusLink(ctx);
  const values = {
    personId: person?.id ?? null,
    status: 'submitted' as const,
    statusTokenHash: statusLink.hash,
    name,
    organisationName: answers.organisation,
    jobRole: answers.role,
    themesJson: JSON.stringify(answers.themes),
    languagesJson: JSON.stringify(answers.languages),
    timeZone: answers.timeZone,
    availabilityJson: JSON.stringify([...new Set(answers.availability)]),
    hopes: answers.hopes,
    mustAvoidJson: JSON.stringify(answers.mustAvoid),
    decidedBy: null,
    decidedAt: null,
    submittedAt: now,
    withdrawnAt: null,
    updatedAt: now,
  };
  await transact(ctx, async (tx) => {
    if (existing) await tx.db.updateTable('application').set(values).where('id', '=', id).execute();
    else
      await tx.db
        .insertInto('application')
        .values({
          id,
          programmeId: p.id,
          email,
          source: 'open-link',
          asFacilitator: 0,
          createdAt: now,
          ...values,
        })
        .execute();
    await tx.db
      .insertInto('consent')
      .values({
        id: randomUUID(),
        applicationId: id,
        version: currentConsent.version,
        wording: consentText(currentConsent),
        givenAt: now,
        withdrawnAt: null,
      })
      .execute();
    await queueNotice(tx, tx.db, {
      kind: 'applicationReceived',
      hostId: p.hostId,
      hostName: p.hostName,
      to: { name, email, language: person?.language ?? p.defaultLanguage },
      vars: { programmeName: p.name },
      actionUrl: statusLink.url,
    });
    tx.afterCommit(() => ctx.mail.wake());
  });
  return { applicationId: id, status: 'submitted' as const, consentVersion: currentConsent.version };
}
