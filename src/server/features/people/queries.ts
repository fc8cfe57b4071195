import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { AccountStatus } from './present.ts';

export function personQuery(db: Kysely<Database>) {
  return db
    .selectFrom('person')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .select([
      'person.id',
      'person.host_id',
      'person.user_id',
      'person.name',
      'person.email',
      'person.organisation_id',
      'organisation.name as organisation_name',
      'person.job_role',
      'person.time_zone',
      'person.language',
      'person.archived_at',
    ]);
}

/** Account state per person: active (has an account), invited (an unexpired invitation), or not invited. */
export async function accountStatuses(db: Kysely<Database>, personIds: string[], nowIso: string) {
  const result = new Map<string, AccountStatus>();
  if (personIds.length === 0) return result;
  const invited = await db
    .selectFrom('invitation')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .execute();
  for (const row of invited) result.set(row.person_id, 'invited');
  return result;
}

export async function setIdsByPerson(db: Kysely<Database>, personIds: string[]) {
  const map = new Map<string, string[]>();
  if (personIds.length === 0) return map;
  const rows = await db
    .selectFrom('set_membership')
    .select(['person_id', 'set_id'])
    .where('person_id', 'in', personIds)
    .execute();
  for (const row of rows) map.set(row.person_id, [...(map.get(row.person_id) ?? []), row.set_id]);
  return map;
}

export async function hostAdminIds(db: Kysely<Database>, hostId: string) {
  const rows = await db.selectFrom('host_admin').select('person_id').where('host_id', '=', hostId).execute();
  return new Set(rows.map((r) => r.person_id));
}
