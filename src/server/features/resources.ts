import type { Kysely } from 'kysely';
import type { PersonResource, ProgrammeResource, SetResource } from '../../domain/access.ts';
import { notFound } from '../http/problem.ts';
import type { Database } from '../store/schema.ts';

/** Loads the facts the access map needs about a resource; an unknown id is a 404 like an invisible one. */
export async function programmeResource(
  db: Kysely<Database>,
  programmeId: string,
): Promise<ProgrammeResource> {
  const row = await db
    .selectFrom('programme')
    .select(['id', 'host_id'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!row) throw notFound('programme');
  return { type: 'programme', hostId: row.host_id, programmeId: row.id };
}

export async function setResource(db: Kysely<Database>, setId: string): Promise<SetResource> {
  const row = await db
    .selectFrom('learning_set')
    .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
    .select(['learning_set.id', 'learning_set.programme_id', 'programme.host_id'])
    .where('learning_set.id', '=', setId)
    .executeTakeFirst();
  if (!row) throw notFound('set');
  return { type: 'set', hostId: row.host_id, programmeId: row.programme_id, setId: row.id };
}

export async function personResource(db: Kysely<Database>, personId: string): Promise<PersonResource> {
  const row = await db
    .selectFrom('person')
    .select(['id', 'host_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row) throw notFound('person');
  const sets = await db
    .selectFrom('set_membership')
    .select('set_id')
    .where('person_id', '=', personId)
    .execute();
  return { type: 'person', hostId: row.host_id, personId: row.id, setIds: sets.map((s) => s.set_id) };
}

export function hostResource(hostId: string) {
  return { type: 'host', hostId } as const;
}
