import type { Kysely } from 'kysely';

/**
 * The question coach's switches (issue 10): a set's facilitator (or, in a self-facilitated set, its
 * members) switches the coach off for the whole set; a person switches it off for themself, on every
 * device. No row means the coach is on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('set_coach_setting')
    .addColumn('set_id', 'text', (c) => c.primaryKey().references('learning_set.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('person_coach_setting')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_coach_setting').execute();
  await db.schema.dropTable('set_coach_setting').execute();
}
