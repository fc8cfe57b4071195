import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  type Actor,
  type ApplicationResource,
  abilitiesFor,
  type PersonActor,
} from '../../../domain/access.ts';
import {
  availabilitySlots,
  consentText,
  currentConsent,
  type Decision,
  decisionProblem,
  decisionStatus,
} from '../../../domain/enrolment.ts';
import { takesApplications, takesDecisions, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { ApplicationStatus, ApplicationTable, Database } from '../../store/schema.ts';
import { programmeResource } from '../resources.ts';
import { hashToken, issueAccountInvitation, newToken, queueNotice } from './mail.ts';

export interface ApplicationAnswers {
  name?: string | undefined;
  email?: string | undefined;
  organisation: string;
  role: string;
  themes: string[];
  languages: string[];
  timeZone: string;
  availability: string[];
  hopes: string;
  mustAvoid: string[];
  consent: { version: string; groundRules: true; confidentiality: true; dataUse: true };
}

export async function programmeFacts(db: Transaction<Database> | AppContext['store']['db'], id: string) {
  return db
    .selectFrom('programme')
    .innerJoin('host', 'host.id', 'programme.host_id')
    .selectAll('programme')
    .select(['host.name as host_name', 'host.default_language'])
    .where('programme.id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function applicationResource(ctx: AppContext, id: string): Promise<ApplicationResource> {
  const row = await ctx.store.db
    .selectFrom('application')
    .innerJoin('programme', 'programme.id', 'application.programme_id')
    .select(['application.id', 'application.programme_id', 'application.person_id', 'programme.host_id'])
    .where('application.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('application');
  return {
    type: 'application',
    hostId: row.host_id,
    programmeId: row.programme_id,
    applicantId: row.person_id,
  };
}

const parse = (json: string) => JSON.parse(json) as string[];

async function presentApplications(ctx: AppContext, viewer: Actor, hostId: string, rows: ApplicationTable[]) {
  const consents = rows.length
    ? await ctx.store.db
        .selectFrom('consent')
        .selectAll()
        .where(
          'application_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('given_at', 'desc')
        .execute()
    : [];
  return rows.map((row) => {
    const consent = consents.find((c) => c.application_id === row.id);
    const resource: ApplicationResource = {
      type: 'application',
      hostId,
      programmeId: row.programme_id,
      applicantId: row.person_id,
    };
    return {
      id: row.id,
      programmeId: row.programme_id,
      personId: row.person_id,
      status: row.status,
      source: row.source,
      name: row.name,
      email: row.email,
      organisation: row.organisation_name,
      role: row.job_role,
      themes: parse(row.themes_json),
      languages: parse(row.languages_json),
      timeZone: row.time_zone,
      availability: parse(row.availability_json),
      hopes: row.hopes,
      mustAvoid: parse(row.must_avoid_json),
      asFacilitator: Boolean(row.as_facilitator),
      submittedAt: row.submitted_at,
      decidedAt: row.decided_at,
      withdrawnAt: row.withdrawn_at,
      consent: consent
        ? {
            version: consent.version,
            wording: consent.wording,
            givenAt: consent.given_at,
            withdrawnAt: consent.withdrawn_at,
          }
        : null,
      abilities: abilitiesFor(viewer, resource),
    };
  });
}

async function loadPresented(ctx: AppContext, viewer: Actor, id: string) {
  const resource = await applicationResource(ctx, id);
  const row = await ctx.store.db
    .selectFrom('application')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await presentApplications(ctx, viewer, resource.hostId, [row]))[0]!;
}

// ---------------------------------------------------------------- coordinator: links and invitations

export async function assertManagesEnrolment(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.db, programmeId));
}

export async function getApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.db, programmeId));
  const p = await programmeFacts(ctx.store.db, programmeId);
  return {
    url: p.application_token ? `${ctx.config.publicUrl}/apply/${p.application_token}` : null,
    works: Boolean(p.application_token) && takesApplications(p.status),
    status: p.status,
  };
}

/** Creates the open application link, or replaces it (the old link stops working at once). */
export async function rotateApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.db, programmeId));
  await ctx.store.db
    .updateTable('programme')
    .set({ application_token: randomBytes(24).toString('base64url'), updated_at: ctx.now().toISOString() })
    .where('id', '=', programmeId)
    .execute();
  return getApplicationLink(ctx, actor, programmeId);
}

export async function revokeApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.db, programmeId));
  await ctx.store.db
    .updateTable('programme')
    .set({ application_token: null, updated_at: ctx.now().toISOString() })
    .where('id', '=', programmeId)
    .execute();
  return getApplicationLink(ctx, actor, programmeId);
}

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
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.db, programmeId));
  const p = await programmeFacts(ctx.store.db, programmeId);
  if (!takesApplications(p.status)) throw conflict(whyNot(p.status, 'apply'));
  const existing = await ctx.store.db
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
  const person = await ctx.store.db
    .selectFrom('person')
    .select(['id', 'language'])
    .where('host_id', '=', p.host_id)
    .where('email', '=', input.email)
    .executeTakeFirst();
  const inviter = await ctx.store.db
    .selectFrom('person')
    .select('name')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const token = newToken();
  const now = ctx.now().toISOString();
  const id = existing?.id ?? randomUUID();
  await ctx.store.db.transaction().execute(async (trx) => {
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
  const open = await ctx.store.db
    .selectFrom('programme')
    .select('id')
    .where('application_token', '=', token)
    .executeTakeFirst();
  const invited = open
    ? undefined
    : await ctx.store.db
        .selectFrom('application')
        .select(['id', 'programme_id', 'name', 'email', 'status'])
        .where('invite_token_hash', '=', hashToken(token))
        .executeTakeFirst();
  const programmeId = open?.id ?? invited?.programme_id;
  if (!programmeId) throw notFound('application link');
  const programme = await programmeFacts(ctx.store.db, programmeId);
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
      ? await ctx.store.db
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
    : await ctx.store.db
        .selectFrom('application')
        .select(['id', 'status'])
        .where('programme_id', '=', p.id)
        .where('email', '=', email)
        .executeTakeFirst();
  if (existing && existing.status !== 'invited' && existing.status !== 'withdrawn')
    throw conflict(`An application from ${email} is already here (${existing.status}).`, 'body.email');
  const person =
    me ??
    (await ctx.store.db
      .selectFrom('person')
      .select(['id', 'name', 'email', 'language'])
      .where('host_id', '=', p.host_id)
      .where('email', '=', email)
      .executeTakeFirst());
  const now = ctx.now().toISOString();
  const id = existing?.id ?? randomUUID();
  const values = {
    person_id: person?.id ?? null,
    status: 'submitted' as const,
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
  await ctx.store.db.transaction().execute(async (trx) => {
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
      actionUrl: ctx.config.publicUrl,
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

export async function listApplications(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  status: ApplicationStatus | undefined,
) {
  const resource = await programmeResource(ctx.store.db, programmeId);
  authorize(actor, 'application.list', resource);
  let query = ctx.store.db
    .selectFrom('application')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('created_at')
    .orderBy('id');
  if (status) query = query.where('status', '=', status);
  return presentApplications(ctx, actor, resource.hostId, await query.execute());
}

export async function getApplication(ctx: AppContext, actor: PersonActor, id: string) {
  authorize(actor, 'application.read', await applicationResource(ctx, id));
  return loadPresented(ctx, actor, id);
}

export async function getMyApplication(ctx: AppContext, actor: PersonActor, programmeId: string) {
  await programmeResource(ctx.store.db, programmeId);
  const row = await ctx.store.db
    .selectFrom('application')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  if (!row) throw notFound('application');
  return getApplication(ctx, actor, row.id);
}

async function findOrCreateOrganisation(
  trx: Transaction<Database>,
  hostId: string,
  name: string,
  now: string,
) {
  if (!name.trim()) return null;
  const orgs = await trx
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('host_id', '=', hostId)
    .execute();
  const found = orgs.find((o) => o.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (found) return found.id;
  const id = randomUUID();
  await trx
    .insertInto('organisation')
    .values({ id, host_id: hostId, name: name.trim(), archived_at: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

/**
 * The applicant's person record, found by email or created from the application (an anonymous applicant
 * has none until accepted). Runs in the caller's transaction.
 */
export async function ensurePerson(
  trx: Transaction<Database>,
  hostId: string,
  language: string,
  app: Pick<
    ApplicationTable,
    'person_id' | 'name' | 'email' | 'organisation_name' | 'job_role' | 'time_zone'
  >,
  now: string,
) {
  if (app.person_id) return app.person_id;
  const existing = await trx
    .selectFrom('person')
    .select(['id', 'name', 'archived_at'])
    .where('host_id', '=', hostId)
    .where('email', '=', app.email)
    .executeTakeFirst();
  if (existing?.archived_at) throw conflict(`${existing.name} is archived; restore them first.`);
  if (existing) return existing.id;
  const id = randomUUID();
  await trx
    .insertInto('person')
    .values({
      id,
      host_id: hostId,
      user_id: null,
      name: app.name,
      email: app.email,
      organisation_id: await findOrCreateOrganisation(trx, hostId, app.organisation_name, now),
      job_role: app.job_role,
      time_zone: app.time_zone || 'UTC',
      language,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

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
  const app = await ctx.store.db
    .selectFrom('application')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const p = await programmeFacts(ctx.store.db, app.programme_id);
  if (!takesDecisions(p.status)) throw conflict(whyNot(p.status, 'decide'));
  const problem = decisionProblem(app.status, input.decision);
  if (problem) throw conflict(problem, 'body.decision');
  const now = ctx.now().toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
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

/**
 * Takes a person out of a programme: their application and consent end, they leave its set rosters.
 * Their own content (journal, problems, actions) is untouched and stays theirs.
 */
async function withdraw(ctx: AppContext, personId: string, programmeId: string) {
  const now = ctx.now().toISOString();
  const left = await ctx.store.db.transaction().execute(async (trx) => {
    const apps = await trx
      .selectFrom('application')
      .select('id')
      .where('programme_id', '=', programmeId)
      .where('person_id', '=', personId)
      .where('status', '!=', 'withdrawn')
      .execute();
    for (const app of apps) {
      await trx
        .updateTable('application')
        .set({ status: 'withdrawn', withdrawn_at: now, invite_token_hash: null, updated_at: now })
        .where('id', '=', app.id)
        .execute();
      await trx
        .updateTable('consent')
        .set({ withdrawn_at: now })
        .where('application_id', '=', app.id)
        .where('withdrawn_at', 'is', null)
        .execute();
    }
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
  for (const setId of left) ctx.bus.publish({ kind: 'revoke', setId, personId });
  return { withdrawn: true, leftSets: left };
}

export async function withdrawApplication(ctx: AppContext, actor: PersonActor, id: string) {
  const resource = await applicationResource(ctx, id);
  authorize(actor, 'application.withdraw', resource);
  await withdraw(ctx, actor.personId, resource.programmeId);
  return loadPresented(ctx, actor, id);
}

export async function withdrawFromProgramme(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const resource = await programmeResource(ctx.store.db, programmeId);
  const hasApplication = await ctx.store.db
    .selectFrom('application')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  // An applicant not yet in a set withdraws their application; a member leaves the programme's sets.
  if (hasApplication)
    authorize(actor, 'application.withdraw', await applicationResource(ctx, hasApplication.id));
  else authorize(actor, 'programme.withdraw', resource);
  return withdraw(ctx, actor.personId, programmeId);
}
