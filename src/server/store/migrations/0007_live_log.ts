import type { Kysely } from 'kysely';

/**
 * The live room recognises a resent command from the log it has loaded (a process that is behind
 * finds out from the (meeting, seq) key and catches up first), so the log needs no unique index of
 * client command ids: one index fewer for every event to update.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('meeting_event_client_command').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('meeting_event_client_command')
    .on('meeting_event')
    .columns(['meeting_id', 'actor_id', 'client_command_id'])
    .unique()
    .execute();
}
