import type { Kysely } from 'kysely';

/**
 * The private "your application" link an applicant gets in the acknowledgement mail: someone who applied
 * through the open link has no account until accepted, and this link lets them see their application's
 * status and withdraw it. Only the SHA-256 hash of the token is stored, as for every other emailed token.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite cannot add a UNIQUE column, so the uniqueness is an index of its own (NULLs never collide).
  await db.schema.alterTable('application').addColumn('status_token_hash', 'text').execute();
  await db.schema
    .createIndex('application_status_token_hash')
    .on('application')
    .column('status_token_hash')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('application_status_token_hash').execute();
  await db.schema.alterTable('application').dropColumn('status_token_hash').execute();
}
