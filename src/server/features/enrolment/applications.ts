import { randomUUID } from 'node:crypto';
import type { Actor, PersonActor } from '../../../domain/access.ts';
import { availabilitySlots, consentText, currentConsent } from '../../../domain/enrolment.ts';
import { takesApplications, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { ApplicationStatus } from '../../store/schema.ts';
import { programmeResource } from '../resources.ts';
import { hashToken, newToken, queueNotice } from './mail.ts';
import { type ApplicationAnswers, loadPresented, programmeFacts } from './service.ts';
import { newStatusLink } from './status-link.ts';

const blankAnswers = {
  organisation_name: '',
  job_role: '',
  themes_json: '[]',
  languages_json: '[]',
  time_zone: '',
  availability_json: '[]',
  hopes: '',
  must_avoid_json: '[]',
};

/** Invites someone by email to apply; a fresh invitation replaces an open one for the same address. */
export async function inviteToApply(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: { name: string; email: string; asFacilitator: boolean },
) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.plain, programmeId));
  const p = await programmeFacts(ctx.store.plain, programmeId);
  if (!takesApplications(p.status)) throw conflict(whyNot(p.status, 'apply'));
  const existing = await ctx.store.plain
    .selectFrom('application')
    .select(['id', 'status'])
    .where('programme_id', '=', programmeId)
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (existing && existing.status !== 'invited' && existing.status !== 'withdrawn')
    throw conflict(
      `${input.email} has already applied to this programme (${existing.status}).`,
      'body.email',
    );
  const person = await ctx.store.plain
    .selectFrom('person')
    .select(['id', 'language'])
    .where('host_id', '=', p.host_id)
    .where('email', '=', input.email)
    .executeTakeFirst();
  const inviter = await ctx.store.plain
    .selectFrom('person')
    .select('name')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const token = newToken();
  const now = ctx.now().toISOString();
  const id = existing?.id ?? randomUUID();
  await ctx.store.plain.transaction().execute(async (trx) => {
    const values = {
      person_id: person?.id ?? null,
      source: 'invitation' as const,
      status: 'invited' as const,
      invite_token_hash: hashToken(token),
      name: input.name,
      as_facilitator: input.asFacilitator ? 1 : 0,
      ...blankAnswers,
      decided_by: null,
      decided_at: null,
      submitted_at: null,
      withdrawn_at: null,
      updated_at: now,
    };
    if (existing) await trx.updateTable('application').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('application')
        .values({ id, programme_id: programmeId, email: input.email, created_at: now, ...values })
        .execute();
    await queueNotice(ctx, trx, {
      kind: 'applyInvitation',
      hostId: p.host_id,
      hostName: p.host_name,
      to: { name: input.name, email: input.email, language: person?.language ?? p.default_language },
      vars: { inviterName: inviter.name, programmeName: p.name },
      details: [p.participation, p.meeting_cadence].filter((d): d is string => Boolean(d)),
      actionUrl: `${ctx.config.publicUrl}/apply/${token}`,
    });
  });
  ctx.mail.wake();
  return loadPresented(ctx, actor, id);
}

// ---------------------------------------------------------------- applicants (public)

/** An application link is either the programme's open link or one person's invitation to apply. */
async function resolveApplyToken(ctx: AppContext, token: string) {
  const open = await ctx.store.plain
    .selectFrom('programme')
    .select('id')
    .where('application_token', '=', token)
    .executeTakeFirst();
  const invited = open
    ? undefined
    : await ctx.store.plain
        .selectFrom('application')
        .select(['id', 'programme_id', 'name', 'email', 'status'])
        .where('invite_token_hash', '=', hashToken(token))
        .executeTakeFirst();
  const programmeId = open?.id ?? invited?.programme_id;
  if (!programmeId) throw notFound('application link');
  const programme = await programmeFacts(ctx.store.plain, programmeId);
  if (programme.archived_at || !takesApplications(programme.status))
    throw new Problem('gone', `${programme.name} is not taking applications now.`);
  if (invited && invited.status !== 'invited')
    throw new Problem('gone', 'This invitation has already been used to apply.');
  return { programme, invited };
}

export async function describeApplyLink(ctx: AppContext, token: string) {
  const { programme: p, invited } = await resolveApplyToken(ctx, token);
  return {
    programme: {
      name: p.name,
      hostName: p.host_name,
      purpose: p.purpose,
      theme: p.theme,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      meetingCadence: p.meeting_cadence ?? '',
      participation: p.participation ?? '',
      setSize: { min: p.min_set_size, max: p.max_set_size },
    },
    invited: invited ? { name: invited.name, email: invited.email } : null,
    consent: currentConsent,
    availabilitySlots,
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
    viewer.kind === 'person' && viewer.hostId === p.host_id
      ? await ctx.store.plain
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
    : await ctx.store.plain
        .selectFrom('application')
        .select(['id', 'status'])
        .where('programme_id', '=', p.id)
        .where('email', '=', email)
        .executeTakeFirst();
  if (existing && existing.status !== 'invited' && existing.status !== 'withdrawn')
    throw conflict(`An application from ${email} is already here (${existing.status}).`, 'body.email');
  const person =
    me ??
    (await ctx.store.plain
      .selectFrom('person')
      .select(['id', 'name', 'email', 'language'])
      .where('host_id', '=', p.host_id)
      .where('email', '=', email)
      .executeTakeFirst());
  const now = ctx.now().toISOString();
  const id = existing?.id ?? randomUUID();
  // The private link to see or withdraw this application without an account; a new one on every
  // submission, so a link from an earlier (withdrawn) application stops working.
  const statusLink = newStatusLink(ctx);
  const values = {
    person_id: person?.id ?? null,
    status: 'submitted' as const,
    status_token_hash: statusLink.hash,
    name,
    organisation_name: answers.organisation,
    job_role: answers.role,
    themes_json: JSON.stringify(answers.themes),
    languages_json: JSON.stringify(answers.languages),
    time_zone: answers.timeZone,
    availability_json: JSON.stringify([...new Set(answers.availability)]),
    hopes: answers.hopes,
    must_avoid_json: JSON.stringify(answers.mustAvoid),
    decided_by: null,
    decided_at: null,
    submitted_at: now,
    withdrawn_at: null,
    updated_at: now,
  };
  await ctx.store.plain.transaction().execute(async (trx) => {
    if (existing) await trx.updateTable('application').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('application')
        .values({
          id,
          programme_id: p.id,
          email,
          source: 'open-link',
          as_facilitator: 0,
          created_at: now,
          ...values,
        })
        .execute();
    await trx
      .insertInto('consent')
      .values({
        id: randomUUID(),
        application_id: id,
        version: currentConsent.version,
        wording: consentText(currentConsent),
        given_at: now,
        withdrawn_at: null,
      })
      .execute();
    await queueNotice(ctx, trx, {
      kind: 'applicationReceived',
      hostId: p.host_id,
      hostName: p.host_name,
      to: { name, email, language: person?.language ?? p.default_language },
      vars: { programmeName: p.name },
      actionUrl: statusLink.url,
    });
  });
  ctx.mail.wake();
  return {
    applicationId: id,
    status: 'submitted' as ApplicationStatus,
    consentVersion: currentConsent.version,
  };
}

// ---------------------------------------------------------------- coordinator: reading and deciding
