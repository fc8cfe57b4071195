import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.ts';

const columns = sql.raw('meeting_id, seq, at, actor_id, client_command_id, command_json, ids_json');

/** The log as a table keyed by (meeting, seq); on SQLite stored in key order with no row id. */
async function rebuildLog(db: Kysely<any>, withoutRowid: boolean): Promise<void> {
  await sql`create table meeting_event_rebuilt (
    meeting_id text not null references meeting (id),
    seq integer not null,
    at text not null,
    actor_id text not null,
    client_command_id text,
    command_json text not null,
    ids_json text,
    constraint meeting_event_pk primary key (meeting_id, seq)
  ) ${sql.raw(withoutRowid ? 'without rowid' : '')}`.execute(db);
  await sql`insert into meeting_event_rebuilt (${columns}) select ${columns} from meeting_event`.execute(db);
  await db.schema.dropTable('meeting_event').execute();
  await db.schema.alterTable('meeting_event_rebuilt').renameTo('meeting_event').execute();
}

/**
 * Every live event is appended here, so each index it updates costs a page write per commit.
 * The live room recognises a resent command from the log it has loaded (a process that is behind
 * finds out from the (meeting, seq) key and catches up first), so the unique index of client
 * command ids goes. On SQLite the table is also clustered by its key: one B-tree instead of a row
 * table and a key index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema.dropIndex('meeting_event_client_command').execute();
    return;
  }
  await rebuildLog(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await rebuildLog(db, false);
  await db.schema
    .createIndex('meeting_event_client_command')
    .on('meeting_event')
    .columns(['meeting_id', 'actor_id', 'client_command_id'])
    .unique()
    .execute();
}
