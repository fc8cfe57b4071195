import { type Kysely, sql } from 'kysely';
import type { Actor, SetRole } from '../../domain/access.ts';
import type { Database } from '../store/schema.ts';

export interface SignedInPerson {
  actor: Extract<Actor, { kind: 'person' }>;
  userId: string;
}

interface ActorRow {
  kind: 'person' | 'admin' | 'coordinator' | 'set';
  a: string;
  b: string | null;
  c: string | null;
  /** The person's "may start programmes" flag, as text so both dialects read it alike. */
  d: string | null;
}

/**
 * Loads everything the access map needs about a signed-in user: their person record and every role.
 * It runs on every signed-in request, so it is one statement (one round trip on PostgreSQL) rather than
 * four, and the SQL text is the same every time (SQLite keeps it prepared).
 */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<SignedInPerson | undefined> {
  const { rows } = await sql<ActorRow>`
    with p as (
      select id, host_id, language, may_start_programmes from person
      where user_id = ${userId} and archived_at is null
    )
    select 'person' as kind, p.id as a, p.host_id as b, p.language as c,
      cast(p.may_start_programmes as text) as d from p
    union all
    select 'admin', h.person_id, null, null, null from host_admin h join p on h.person_id = p.id
    union all
    select 'coordinator', pc.programme_id, null, null, null
      from programme_coordinator pc join p on pc.person_id = p.id
    union all
    select 'set', m.set_id, m.role, s.programme_id, null
      from set_membership m join p on m.person_id = p.id join learning_set s on s.id = m.set_id`.execute(db);
  const person = rows.find((r) => r.kind === 'person');
  if (!person) return undefined;
  const coordinatorOf = new Set<string>();
  const setRoles = new Map<string, SetRole>();
  const programmesOfSets = new Set<string>();
  let hostAdmin = false;
  for (const row of rows) {
    if (row.kind === 'admin') hostAdmin = true;
    else if (row.kind === 'coordinator') coordinatorOf.add(row.a);
    else if (row.kind === 'set') {
      setRoles.set(row.a, row.b as SetRole);
      if (row.c) programmesOfSets.add(row.c);
    }
  }
  return {
    userId,
    actor: {
      kind: 'person',
      personId: person.a,
      hostId: person.b ?? '',
      hostAdmin,
      coordinatorOf,
      setRoles,
      programmesOfSets,
      language: person.c ?? undefined,
      mayStartProgrammes: person.d === '1',
    },
  };
}
