import type { Kysely } from 'kysely';

/**
 * Every signed-in request loads its actor (auth/actor.ts), which looks up host_admin and
 * programme_coordinator by person; their primary keys lead with host and programme, so EXPLAIN QUERY
 * PLAN showed full scans of both tables. Issue 12.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('host_admin_person').on('host_admin').column('person_id').execute();
  await db.schema
    .createIndex('programme_coordinator_person')
    .on('programme_coordinator')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('programme_coordinator_person').execute();
  await db.schema.dropIndex('host_admin_person').execute();
}
