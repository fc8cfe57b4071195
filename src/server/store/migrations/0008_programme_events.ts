import type { Kysely } from 'kysely';

/**
 * Programme events: dates for everyone in a programme, not one set (a gathering decided by a
 * programme-wide poll; later also plenary workshops, as another `kind`). Like a meeting, an event keeps
 * its calendar identity across changes (same id, SEQUENCE + 1) and is cancelled rather than deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programme_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('poll_id', 'text', (c) => c.references('poll.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_event_programme')
    .on('programme_event')
    .columns(['programme_id', 'starts_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('programme_event').execute();
}
