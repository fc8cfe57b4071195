import type { Kysely } from 'kysely';
import type { SetRole } from '../../../domain/access.ts';
import { extend } from '../../../shared/objects.ts';
import { precompiled } from '../../store/precompiled.ts';
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

function rosterQuery(db: Kysely<DB>) {
  return db
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
    .orderBy('setMembership.role', 'desc')
    .orderBy('person.name');
}

type RosterRow = Omit<RosterEntry, 'hasAccount'> & { userId: string | null };
const entry = ({ userId, ...row }: RosterRow): RosterEntry => extend(row, { hasAccount: userId !== null });

/** Who is in each of these sets: members, then facilitators, each by name. */
export async function rosters(db: Kysely<DB>, setIds: string[]): Promise<Map<string, RosterEntry[]>> {
  const map = new Map<string, RosterEntry[]>(setIds.map((id) => [id, []]));
  if (setIds.length === 0) return map;
  const rows = await rosterQuery(db).where('setMembership.setId', 'in', setIds).execute();
  for (const row of rows) map.get(row.setId)!.push(entry(row));
  return map;
}

const oneRoster = precompiled((db, p: { setId: string }) =>
  rosterQuery(db).where('setMembership.setId', '=', p.setId),
);

/** One set's roster (its page, read often): the same order, from a precompiled statement. */
export async function rosterOf(db: Kysely<DB>, setId: string): Promise<RosterEntry[]> {
  return (await oneRoster.execute(db, { setId })).map(entry);
}
