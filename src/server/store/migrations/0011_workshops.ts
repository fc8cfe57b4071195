import type { Kysely } from 'kysely';

/**
 * Workshops: plenary sessions for everyone in a programme around the themes its sets shared. A
 * workshop is dated either directly or by a programme-wide poll; once dated it has a programme event of
 * kind 'workshop' (the calendar identity: feeds, Upcoming, .ics, notices), and the workshop row keeps
 * what only workshops have: agenda, facilitator, capacity, RSVPs, attendance, notes, materials and each
 * participant's private actions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workshop')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('event_id', 'text', (c) => c.unique().references('programme_event.id'))
    .addColumn('poll_id', 'text', (c) => c.unique().references('poll.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('facilitator_id', 'text', (c) => c.references('person.id'))
    .addColumn('capacity', 'integer')
    // How many answered "coming": raised and lowered with a guard, so two last seats are never both taken.
    .addColumn('coming_count', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('notes_updated_at', 'text')
    .addColumn('attendance_recorded_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshop_programme').on('workshop').column('programme_id').execute();
  await db.schema
    .createTable('workshop_theme')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshop.id'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('concern_theme.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_theme_pk', ['workshop_id', 'theme_id'])
    .execute();
  await db.schema
    .createTable('workshop_rsvp')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshop.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_rsvp_pk', ['workshop_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('workshop_attendance')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshop.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_attendance_pk', ['workshop_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('workshop_material')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshop.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('workshop_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshop.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workshop_action_owner')
    .on('workshop_action')
    .columns(['owner_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'workshop_action',
    'workshop_material',
    'workshop_attendance',
    'workshop_rsvp',
    'workshop_theme',
    'workshop',
  ])
    await db.schema.dropTable(table).execute();
}
