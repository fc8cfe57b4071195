import type { Kysely } from 'kysely';
import type { AccountStatus } from '../../../contract/people.ts';
import type { DB } from '../../store/schema.ts';

export function personQuery(db: Kysely<DB>) {
  return db
    .selectFrom('person')
    .leftJoin('organisation', 'organisation.id', 'person.organisationId')
    .select([
      'person.id',
      'person.hostId',
      'person.userId',
      'person.name',
      'person.email',
      'person.organisationId',
      'organisation.name as organisationName',
      'person.jobRole',
      'person.timeZone',
      'person.language',
      'person.archivedAt',
      'person.mayStartProgrammes',
    ]);
}

/** Account state per person: active (has an account), invited (an unexpired invitation), or not invited. */
export async function accountStatuses(db: Kysely<DB>, personIds: string[], nowIso: string) {
  const result = new Map<string, AccountStatus>();
  if (personIds.length === 0) return result;
  const invited = await db
    .selectFrom('invitation')
    .select('personId')
    .where('personId', 'in', personIds)
    .where('acceptedAt', 'is', null)
    .where('expiresAt', '>', nowIso)
    .execute();
  for (const row of invited) result.set(row.personId, 'invited');
  return result;
}

export async function setIdsByPerson(db: Kysely<DB>, personIds: string[]) {
  const map = new Map<string, string[]>();
  if (personIds.length === 0) return map;
  const rows = await db
    .selectFrom('setMembership')
    .select(['personId', 'setId'])
    .where('personId', 'in', personIds)
    .execute();
  for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row.setId]);
  return map;
}

export async function hostAdminIds(db: Kysely<DB>, hostId: string) {
  const rows = await db.selectFrom('hostAdmin').select('personId').where('hostId', '=', hostId).execute();
  return new Set(rows.map((r) => r.personId));
}

/** What a new person's row needs; the rest starts empty (no account, no organisation, no job role). */
export interface NewPersonRow {
  id: string;
  hostId: string;
  name: string;
  email: string;
  timeZone: string;
  language: string;
  userId?: string | null;
  organisationId?: string | null;
  jobRole?: string;
  mayStartProgrammes?: boolean;
  /** When the person was added (ISO 8601). */
  at: string;
}

/** Adds a person: every way in (an admin, a coordinator's invitation, an application, setup) writes the same row. */
export async function insertPerson(db: Kysely<DB>, person: NewPersonRow): Promise<void> {
  await db
    .insertInto('person')
    .values({
      id: person.id,
      hostId: person.hostId,
      userId: person.userId ?? null,
      name: person.name,
      email: person.email,
      organisationId: person.organisationId ?? null,
      jobRole: person.jobRole ?? '',
      timeZone: person.timeZone,
      language: person.language,
      mayStartProgrammes: person.mayStartProgrammes ? 1 : 0,
      archivedAt: null,
      createdAt: person.at,
      updatedAt: person.at,
    })
    .execute();
}
