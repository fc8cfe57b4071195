import type { Kysely } from 'kysely';

/**
 * Growth (issue 12): an ended meeting's live event log is compacted once, after LIVE_LOG_COMPACT_DAYS;
 * the meeting remembers when, so the scheduler's round looks at each meeting once. Sent and failed
 * mails are pruned by age, which the outbox's (status, ...) index already serves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meeting').addColumn('log_compacted_at', 'text').execute();
  await db.schema
    .createIndex('meeting_compaction_due')
    .on('meeting')
    .columns(['status', 'log_compacted_at', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('mail_outbox_done')
    .on('mail_outbox')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mail_outbox_done').execute();
  await db.schema.dropIndex('meeting_compaction_due').execute();
  await db.schema.alterTable('meeting').dropColumn('log_compacted_at').execute();
}
