import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { conflict } from '../../http/problem.ts';
import type { ApplicationTable, Database } from '../../store/schema.ts';

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
