import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Application, ApplicationLink } from '../../../contract/enrolment.ts';
import {
  type Actor,
  type ApplicationResource,
  abilitiesFor,
  type PersonActor,
} from '../../../domain/access.ts';
import type { ApplicationStatus } from '../../../domain/enrolment.ts';
import { takesApplications } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import { plainOf } from '../../store/db.ts';
import type { DB } from '../../store/schema.ts';
import { programmeResource } from '../resources.ts';

export type ApplicationRecord = Selectable<DB['application']>;

/** A programme with its host's name and language, as enrolment mails and checks need it. */
export async function programmeFacts(ctx: AppContext, id: string) {
  return ctx.db
    .selectFrom('programme')
    .innerJoin('host', 'host.id', 'programme.hostId')
    .selectAll('programme')
    .select(['host.name as hostName', 'host.defaultLanguage'])
    .where('programme.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The programme as the access map sees it, read on the executor the service runs on. */
export const programmeOf = (ctx: AppContext, programmeId: string) =>
  programmeResource(plainOf(ctx.db), programmeId);

export async function applicationResource(ctx: AppContext, id: string): Promise<ApplicationResource> {
  const row = await ctx.db
    .selectFrom('application')
    .innerJoin('programme', 'programme.id', 'application.programmeId')
    .select(['application.id', 'application.programmeId', 'application.personId', 'programme.hostId'])
    .where('application.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('application');
  return {
    type: 'application',
    hostId: row.hostId,
    programmeId: row.programmeId,
    applicantId: row.personId,
  };
}

const parse = (json: string) => JSON.parse(json) as string[];

export async function presentApplications(
  ctx: AppContext,
  viewer: Actor,
  hostId: string,
  rows: ApplicationRecord[],
): Promise<Application[]> {
  const consents = rows.length
    ? await ctx.db
        .selectFrom('consent')
        .selectAll()
        .where(
          'applicationId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('givenAt', 'desc')
        .execute()
    : [];
  return rows.map((row) => {
    const consent = consents.find((c) => c.applicationId === row.id);
    const resource: ApplicationResource = {
      type: 'application',
      hostId,
      programmeId: row.programmeId,
      applicantId: row.personId,
    };
    return {
      id: row.id,
      programmeId: row.programmeId,
      personId: row.personId,
      status: row.status,
      source: row.source,
      name: row.name,
      email: row.email,
      organisation: row.organisationName,
      role: row.jobRole,
      themes: parse(row.themesJson),
      languages: parse(row.languagesJson),
      timeZone: row.timeZone,
      availability: parse(row.availabilityJson),
      hopes: row.hopes,
      mustAvoid: parse(row.mustAvoidJson),
      asFacilitator: Boolean(row.asFacilitator),
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      withdrawnAt: row.withdrawnAt,
      consent: consent
        ? {
            version: consent.version,
            wording: consent.wording,
            givenAt: consent.givenAt,
            withdrawnAt: consent.withdrawnAt,
          }
        : null,
      abilities: abilitiesFor(viewer, resource),
    };
  });
}

export async function loadPresented(ctx: AppContext, viewer: Actor, id: string): Promise<Application> {
  const resource = await applicationResource(ctx, id);
  const row = await ctx.db
    .selectFrom('application')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await presentApplications(ctx, viewer, resource.hostId, [row]))[0]!;
}

// ---------------------------------------------------------------- coordinator: links and invitations

export async function assertManagesEnrolment(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.manageEnrolment', await programmeOf(ctx, programmeId));
}

export async function getApplicationLink(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<ApplicationLink> {
  await assertManagesEnrolment(ctx, actor, programmeId);
  const p = await programmeFacts(ctx, programmeId);
  return {
    url: p.applicationToken ? `${ctx.config.publicUrl}/apply/${p.applicationToken}` : null,
    works: Boolean(p.applicationToken) && takesApplications(p.status),
    status: p.status,
  };
}

/** Creates the open application link, or replaces it (the old link stops working at once). */
export async function rotateApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  await assertManagesEnrolment(ctx, actor, programmeId);
  await ctx.db
    .updateTable('programme')
    .set({ applicationToken: randomBytes(24).toString('base64url'), updatedAt: ctx.now().toISOString() })
    .where('id', '=', programmeId)
    .execute();
  return getApplicationLink(ctx, actor, programmeId);
}

export async function revokeApplicationLink(ctx: AppContext, actor: PersonActor, programmeId: string) {
  await assertManagesEnrolment(ctx, actor, programmeId);
  await ctx.db
    .updateTable('programme')
    .set({ applicationToken: null, updatedAt: ctx.now().toISOString() })
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
  const resource = await programmeOf(ctx, programmeId);
  authorize(actor, 'application.list', resource);
  let query = ctx.db
    .selectFrom('application')
    .selectAll()
    .where('programmeId', '=', programmeId)
    .orderBy('createdAt')
    .orderBy('id');
  if (status) query = query.where('status', '=', status);
  return presentApplications(ctx, actor, resource.hostId, await query.execute());
}

export async function getApplication(ctx: AppContext, actor: PersonActor, id: string) {
  authorize(actor, 'application.read', await applicationResource(ctx, id));
  return loadPresented(ctx, actor, id);
}

export async function getMyApplication(ctx: AppContext, actor: PersonActor, programmeId: string) {
  await programmeOf(ctx, programmeId);
  const row = await ctx.db
    .selectFrom('application')
    .select('id')
    .where('programmeId', '=', programmeId)
    .where('personId', '=', actor.personId)
    .executeTakeFirst();
  if (!row) throw notFound('application');
  return getApplication(ctx, actor, row.id);
}
