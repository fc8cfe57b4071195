import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

export interface RosterEntry {
  set_id: string;
  person_id: string;
  role: 'member' | 'facilitator';
  name: string;
  email: string;
  job_role: string;
  organisation_id: string | null;
  organisation_name: string | null;
  has_account: boolean;
}

export async function rosters(db: Kysely<Database>, setIds: string[]): Promise<Map<string, RosterEntry[]>> {
  const map = new Map<string, RosterEntry[]>(setIds.map((id) => [id, []]));
  if (setIds.length === 0) return map;
  const rows = await db
    .selectFrom('set_membership')
    .innerJoin('person', 'person.id', 'set_membership.person_id')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .select([
      'set_membership.set_id',
      'set_membership.person_id',
      'set_membership.role',
      'person.name',
      'person.email',
      'person.job_role',
      'person.user_id',
      'person.organisation_id',
      'organisation.name as organisation_name',
    ])
    .where('set_membership.set_id', 'in', setIds)
    .orderBy('set_membership.role', 'desc')
    .orderBy('person.name')
    .execute();
  for (const row of rows) {
    map.get(row.set_id)!.push({ ...row, role: row.role, has_account: row.user_id !== null });
  }
  return map;
}
