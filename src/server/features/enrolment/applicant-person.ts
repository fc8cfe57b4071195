import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../http/problem.ts';
import { insertPerson } from '../people/queries.ts';
import type { ApplicationRecord } from './service.ts';

async function findOrCreateOrganisation(ctx: AppContext, hostId: string, name: string, now: string) {
  if (!name.trim()) return null;
  const orgs = await ctx.db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('hostId', '=', hostId)
    .execute();
  const found = orgs.find((o) => o.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (found) return found.id;
  const id = randomUUID();
  await ctx.db
    .insertInto('organisation')
    .values({ id, hostId, name: name.trim(), archivedAt: null, createdAt: now, updatedAt: now })
    .execute();
  return id;
}

/**
 * The applicant's person record, found by email or created from the application (an anonymous applicant
 * has none until accepted). Runs on the executor ctx gives: the caller's transaction.
 */
export async function ensurePerson(
  ctx: AppContext,
  hostId: string,
  language: string,
  app: Pick<ApplicationRecord, 'personId' | 'name' | 'email' | 'organisationName' | 'jobRole' | 'timeZone'>,
  now: string,
) {
  if (app.personId) return app.personId;
  const existing = await ctx.db
    .selectFrom('person')
    .select(['id', 'name', 'archivedAt'])
    .where('hostId', '=', hostId)
    .where('email', '=', app.email)
    .executeTakeFirst();
  if (existing?.archivedAt)
    throw conflict('{{name}} is archived; restore them first.', undefined, { name: existing.name });
  if (existing) return existing.id;
  const id = randomUUID();
  await insertPerson(ctx.db, {
    id,
    hostId,
    name: app.name,
    email: app.email,
    organisationId: await findOrCreateOrganisation(ctx, hostId, app.organisationName, now),
    jobRole: app.jobRole,
    timeZone: app.timeZone || 'UTC',
    language,
    at: now,
  });
  return id;
}
