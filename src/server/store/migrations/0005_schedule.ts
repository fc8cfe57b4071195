import type { Kysely } from 'kysely';

/**
 * A year of meetings: recurring series with exceptions, availability polls, calendar feeds, notification
 * preferences, a ledger so each reminder goes out once, and mail attachments (an invitation's .ics).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('attachments_json', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('headers_json', 'text').execute();

  await db.schema
    .createTable('meeting_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('first_local', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('until_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text', (c) => c.notNull())
    .addColumn('exceptions_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_series_set').on('meeting_series').column('set_id').execute();

  await db.schema
    .createTable('series_occurrence')
    .addColumn('series_id', 'text', (c) => c.notNull().references('meeting_series.id'))
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addPrimaryKeyConstraint('series_occurrence_pk', ['series_id', 'occurrence_key'])
    .execute();

  await db.schema
    .createTable('attendance_rule')
    .addColumn('set_id', 'text', (c) => c.primaryKey().references('learning_set.id'))
    .addColumn('min_present', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_feed')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_preference')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id'))
    .addColumn('disabled_json', 'text', (c) => c.notNull())
    .addColumn('reminder_offsets_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_ledger')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('poll')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host_id', 'text', (c) => c.notNull().references('host.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('set_id', 'text', (c) => c.references('learning_set.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('pattern_json', 'text')
    .addColumn('until_date', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed_option_id', 'text')
    .addColumn('result_json', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poll_programme').on('poll').column('programme_id').execute();

  await db.schema
    .createTable('poll_option')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('poll_id', 'text', (c) => c.notNull().references('poll.id'))
    .addColumn('local_start', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poll_option_poll').on('poll_option').column('poll_id').execute();

  await db.schema
    .createTable('poll_answer')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('poll.id'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('poll_option.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_answer_pk', ['option_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'poll_answer',
    'poll_option',
    'poll',
    'notification_ledger',
    'notification_preference',
    'calendar_feed',
    'attendance_rule',
    'series_occurrence',
    'meeting_series',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('mail_outbox').dropColumn('headers_json').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('attachments_json').execute();
}
