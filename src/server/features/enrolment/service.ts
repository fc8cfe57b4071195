import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  type Actor,
  type ApplicationResource,
  abilitiesFor,
  type PersonActor,
} from '../../../domain/access.ts';
import { takesApplications } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import type { ApplicationStatus, ApplicationTable, Database } from '../../store/schema.ts';
import { programmeResource } from '../resources.ts';

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

export async function programmeFacts(db: Transaction<Database> | AppContext['store']['plain'], id: string) {
  return db
    .selectFrom('programme')
    .innerJoin('host', 'host.id', 'programme.host_id')
    .selectAll('programme')
    .select(['host.name as host_name', 'host.default_language'])
    .where('programme.id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function applicationResource(ctx: AppContext, id: string): Promise<ApplicationResource> {
  const row = await ctx.store.plain
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

export async function presentApplications(
  ctx: AppContext,
  viewer: Actor,
  hostId: string,
  rows: ApplicationTable[],
) {
  const consents = rows.length
    ? await ctx.store.plain
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

export async function loadPresented(ctx: AppContext, viewer: Actor, id: string) {
  const resource = await applicationResource(ctx, id);
  const row = await ctx.store.plain
    .selectFrom('application')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await presentApplications(ctx, viewer, resource.hostId, [row]))[0]!;
}

// ---------------------------------------------------------------- coordinator: links and invitations

export async function assertManagesEnrolment(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.plain, programmeId));
}

export async function getApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.plain, programmeId));
  const p = await programmeFacts(ctx.store.plain, programmeId);
  return {
    url: p.application_token ? `${ctx.config.publicUrl}/apply/${p.application_token}` : null,
    works: Boolean(p.application_token) && takesApplications(p.status),
    status: p.status,
  };
}

/** Creates the open application link, or replaces it (the old link stops working at once). */
export async function rotateApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.plain, programmeId));
  await ctx.store.plain
    .updateTable('programme')
    .set({ application_token: randomBytes(24).toString('base64url'), updated_at: ctx.now().toISOString() })
    .where('id', '=', programmeId)
    .execute();
  return getApplicationLink(ctx, actor, programmeId);
}

export async function revokeApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeResource(ctx.store.plain, programmeId));
  await ctx.store.plain
    .updateTable('programme')
    .set({ application_token: null, updated_at: ctx.now().toISOString() })
    .where('id', '=', programmeId)
    .execute();
  return getApplicationLink(ctx, actor, programmeId);
}

export async function listApplications(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  status: ApplicationStatus | undefined,
) {
  const resource = await programmeResource(ctx.store.plain, programmeId);
  authorize(actor, 'application.list', resource);
  let query = ctx.store.plain
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
  await programmeResource(ctx.store.plain, programmeId);
  const row = await ctx.store.plain
    .selectFrom('application')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  if (!row) throw notFound('application');
  return getApplication(ctx, actor, row.id);
}
