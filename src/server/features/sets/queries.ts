import type { Kysely } from 'kysely';
import type { SetRole } from '../../../domain/access.ts';
import type { DB } from '../../store/schema.ts';

export interface RosterEntry {
  setId: string;
  personId: string;
  role: SetRole;
  name: string;
  email: string;
  jobRole: string;
  organisationId: string | null;
  organisationName: string | null;
  hasAccount: boolean;
}

/** Who is in each of these sets: members, then facilitators, each by name. */
export async function rosters(db: Kysely<DB>, setIds: string[]): Promise<Map<string, RosterEntry[]>> {
  const map = new Map<string, RosterEntry[]>(setIds.map((id) => [id, []]));
  if (setIds.length === 0) return map;
  const rows = await db
    .selectFrom('setMembership')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .leftJoin('organisation', 'organisation.id', 'person.organisationId')
    .select([
      'setMembership.setId',
      'setMembership.personId',
      'setMembership.role',
      'person.name',
      'person.email',
      'person.jobRole',
      'person.userId',
      'person.organisationId',
      'organisation.name as organisationName',
    ])
    .where('setMembership.setId', 'in', setIds)
    .orderBy('setMembership.role', 'desc')
    .orderBy('person.name')
    .execute();
  for (const { userId, ...row } of rows) map.get(row.setId)!.push({ ...row, hasAccount: userId !== null });
  return map;
}
