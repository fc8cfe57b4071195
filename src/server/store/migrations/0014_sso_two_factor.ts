import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * Single sign-on and two-factor sign-in (issue 11).
 * - `sso_provider`: the OpenID Connect providers a host admin configured (the accounts library reads
 *   them at sign-in time, so a change applies without a restart).
 * - `host.require_two_factor`: admins and coordinators must use a second factor.
 * - The accounts library's two-factor plugin: `user.twoFactorEnabled` and its `twoFactor` table, in the
 *   shape it expects on each dialect (it validates the schema on first use).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const time = pg ? 'timestamptz' : 'date';
  const bool = pg ? 'boolean' : 'integer';
  const falseValue = pg ? sql`false` : sql`0`;

  await db.schema
    .createTable('sso_provider')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host_id', 'text', (c) => c.notNull().references('host.id'))
    // The accounts library's provider id is `sso-<slug>`; the callback URL names it, so it never changes.
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    // JSON array of lower-case e-mail domains; empty means any domain.
    .addColumn('domains', 'text', (c) => c.notNull())
    // 1: a person unknown to the host may join through this provider; 0: only known people sign in.
    .addColumn('allow_join', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('host')
    .addColumn('require_two_factor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .alterTable('user')
    .addColumn('twoFactorEnabled', bool, (c) => c.defaultTo(falseValue))
    .execute();

  await db.schema
    .createTable('twoFactor')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('backupCodes', 'text', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('verified', bool, (c) => c.defaultTo(pg ? sql`true` : sql`1`))
    .addColumn('failedVerificationCount', 'integer', (c) => c.defaultTo(0))
    .addColumn('lockedUntil', time)
    .execute();
  await db.schema.createIndex('twoFactor_secret_idx').on('twoFactor').column('secret').execute();
  await db.schema.createIndex('twoFactor_userId_idx').on('twoFactor').column('userId').execute();
}
