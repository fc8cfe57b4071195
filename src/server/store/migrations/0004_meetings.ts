import type { Kysely } from 'kysely';

/**
 * Meetings and what a set produces in them. Everything here except the meeting's date, place and
 * attendance status is set content: only the set's members and facilitator may read it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programme').addColumn('agenda_json', 'text').execute();
  await db.schema.alterTable('learning_set').addColumn('agenda_json', 'text').execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agenda_json', 'text', (c) => c.notNull())
    .addColumn('setup_json', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('series_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_set_start').on('meeting').columns(['set_id', 'starts_at']).execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('apology_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('meeting_event')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('client_command_id', 'text')
    .addColumn('command_json', 'text', (c) => c.notNull())
    .addColumn('ids_json', 'text')
    .addPrimaryKeyConstraint('meeting_event_pk', ['meeting_id', 'seq'])
    .execute();
  // A client resending a command after a dropped connection must not apply it twice.
  await db.schema
    .createIndex('meeting_event_client_command')
    .on('meeting_event')
    .columns(['meeting_id', 'actor_id', 'client_command_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('problem')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('intake_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problem_set_owner').on('problem').columns(['set_id', 'owner_id']).execute();

  await db.schema
    .createTable('problem_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problem.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problem_version_problem').on('problem_version').column('problem_id').execute();

  await db.schema
    .createTable('action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('problem_id', 'text', (c) => c.references('problem.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reported_in_meeting_id', 'text', (c) => c.references('meeting.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_set_owner').on('action').columns(['set_id', 'owner_id']).execute();

  await db.schema
    .createTable('question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('presenter_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('struck_home', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_presenter')
    .on('question')
    .columns(['presenter_id', 'meeting_id'])
    .execute();

  await db.schema
    .createTable('journal_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id'))
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_author')
    .on('journal_entry')
    .columns(['author_id', 'set_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'journal_entry',
    'question',
    'action',
    'problem_version',
    'problem',
    'meeting_event',
    'meeting_attendance',
    'meeting',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('learning_set').dropColumn('agenda_json').execute();
  await db.schema.alterTable('programme').dropColumn('agenda_json').execute();
}
