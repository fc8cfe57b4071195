import type { Kysely } from 'kysely';

/**
 * "May start programmes" (issue 13, item 16): a person flag a host admin sets, so a coordinator can
 * start a programme (and coordinate it) without being a host admin. 0 = no, 1 = yes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('person')
    .addColumn('may_start_programmes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('may_start_programmes').execute();
}
