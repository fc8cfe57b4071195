import type { Kysely } from 'kysely';
import type { Actor, SetRole } from '../../domain/access.ts';
import type { Database } from '../store/schema.ts';

export interface SignedInPerson {
  actor: Extract<Actor, { kind: 'person' }>;
  userId: string;
}

/** Loads everything the access map needs about a signed-in user: their person record and every role. */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<SignedInPerson | undefined> {
  const person = await db
    .selectFrom('person')
    .select(['id', 'host_id', 'language', 'may_start_programmes'])
    .where('user_id', '=', userId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!person) return undefined;
  const [admin, coordinated, memberships] = await Promise.all([
    db.selectFrom('host_admin').select('person_id').where('person_id', '=', person.id).executeTakeFirst(),
    db
      .selectFrom('programme_coordinator')
      .select('programme_id')
      .where('person_id', '=', person.id)
      .execute(),
    db
      .selectFrom('set_membership')
      .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
      .select(['set_membership.set_id', 'set_membership.role', 'learning_set.programme_id'])
      .where('set_membership.person_id', '=', person.id)
      .execute(),
  ]);
  return {
    userId,
    actor: {
      kind: 'person',
      personId: person.id,
      hostId: person.host_id,
      hostAdmin: Boolean(admin),
      coordinatorOf: new Set(coordinated.map((c) => c.programme_id)),
      setRoles: new Map(memberships.map((m) => [m.set_id, m.role as SetRole])),
      programmesOfSets: new Set(memberships.map((m) => m.programme_id)),
      language: person.language,
      mayStartProgrammes: Number(person.may_start_programmes) === 1,
    },
  };
}
