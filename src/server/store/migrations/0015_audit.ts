import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * The audit trail (issue 11, item 4): an append-only table of who did what to whom and when, and each
 * host's retention. Rows are deleted only by the retention purge, and changed only by an erasure (the
 * erased person's name and address give way to "a former member"); both open the "gate" (a row in
 * `audit_purge_gate`, inserted and removed inside their own transaction, so no other transaction ever
 * sees it). Triggers on both dialects refuse any other UPDATE or DELETE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null only for a failed sign-in with an address no host knows, on an install with several hosts.
    .addColumn('host_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    // No foreign key: the trail outlives an erased person; the label keeps who it was.
    .addColumn('actor_person_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('target_label', 'text')
    // success | failure | refused
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_host_at').on('audit_event').columns(['host_id', 'at']).execute();
  await db.schema
    .createIndex('audit_event_host_action_at')
    .on('audit_event')
    .columns(['host_id', 'action', 'at'])
    .execute();

  await db.schema
    .createTable('audit_setting')
    .addColumn('host_id', 'text', (c) => c.primaryKey().references('host.id'))
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_purge_gate')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .execute();

  if (isPostgres(db)) {
    await sql`
      create function audit_event_append_only() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from audit_purge_gate) then
          if tg_op = 'DELETE' then return old; end if;
          return new;
        end if;
        raise exception 'The audit trail is append-only: % is refused', tg_op;
      end;
      $$`.execute(db);
    await sql`
      create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function audit_event_append_only()`.execute(db);
  } else {
    await sql`
      create trigger audit_event_no_update before update on audit_event
      when not exists (select 1 from audit_purge_gate)
      begin select raise(abort, 'The audit trail is append-only: UPDATE is refused'); end`.execute(db);
    await sql`
      create trigger audit_event_no_delete before delete on audit_event
      when not exists (select 1 from audit_purge_gate)
      begin select raise(abort, 'The audit trail is append-only: DELETE is refused'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists audit_event_append_only on audit_event`.execute(db);
    await sql`drop function if exists audit_event_append_only()`.execute(db);
  }
  await db.schema.dropTable('audit_purge_gate').execute();
  await db.schema.dropTable('audit_setting').execute();
  await db.schema.dropTable('audit_event').execute();
}
