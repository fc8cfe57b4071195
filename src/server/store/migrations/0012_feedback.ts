import type { Kysely } from 'kysely';

/**
 * Feedback during the programme and its review (issue 9, items 4-6): the host's K, pulses after meetings,
 * review questionnaires with their versions, anonymous responses, and the report's publication.
 *
 * No answer row names a person: a pulse and a review response are keyed by a keyed hash (HMAC with the
 * server's secret) of what they answer and who answered, enough for their author to change or withdraw
 * them and for one answer each, and nothing an API could turn back into a name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback_setting')
    .addColumn('host_id', 'text', (c) => c.primaryKey().references('host.id'))
    .addColumn('min_answers', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pulse')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('answer_key', 'text', (c) => c.notNull())
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('useful', 'integer', (c) => c.notNull())
    .addColumn('safe', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pulse_pk', ['meeting_id', 'answer_key'])
    .execute();
  await db.schema.createIndex('pulse_set').on('pulse').column('set_id').execute();
  await db.schema.createIndex('pulse_programme').on('pulse').column('programme_id').execute();

  await db.schema
    .createTable('review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // mid | end
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_programme').on('review').column('programme_id').execute();

  await db.schema
    .createTable('review_version')
    .addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('questions_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_version_pk', ['review_id', 'version'])
    .execute();

  await db.schema
    .createTable('review_response')
    .addColumn('review_id', 'text', (c) => c.notNull().references('review.id'))
    .addColumn('respondent_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_response_pk', ['review_id', 'respondent_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['review_response', 'review_version', 'review', 'pulse', 'feedback_setting'])
    await db.schema.dropTable(table).execute();
}
