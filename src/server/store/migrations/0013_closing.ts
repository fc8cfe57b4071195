import type { Kysely } from 'kysely';

/**
 * Closing a programme and people's data rights (issues 9 and 11): when a programme closed and when its
 * set content was erased, how long the host keeps closed programmes' set content, and a log of every
 * erasure (what kind, how many rows; never the content itself).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programme').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('programme').addColumn('content_erased_at', 'text').execute();
  await db.schema
    .alterTable('host')
    .addColumn('closed_content_retention_days', 'integer', (c) => c.notNull().defaultTo(365))
    .execute();
  await db.schema
    .createTable('erasure_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host_id', 'text', (c) => c.notNull().references('host.id'))
    // programme-content (retention ran out) | person (a host admin erased someone)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // remove | anonymise (person erasure); retention for programme content
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    // The admin who erased a person; null when the retention job erased a programme's content.
    .addColumn('erased_by', 'text')
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('erasure_log_host')
    .on('erasure_log')
    .columns(['host_id', 'erased_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('erasure_log').execute();
  await db.schema.alterTable('host').dropColumn('closed_content_retention_days').execute();
  await db.schema.alterTable('programme').dropColumn('content_erased_at').execute();
  await db.schema.alterTable('programme').dropColumn('closed_at').execute();
}
