import type { Kysely } from 'kysely';

/**
 * Enrolment and set formation: the programme's lifecycle details and open application link,
 * applications with the consent each applicant gave (its exact wording), each set's versioned
 * ground rules with every member's acceptance, and the formation runs a coordinator works on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programme').addColumn('meeting_cadence', 'text').execute();
  await db.schema.alterTable('programme').addColumn('participation', 'text').execute();
  await db.schema.alterTable('programme').addColumn('application_token', 'text').execute();
  await db.schema
    .createIndex('programme_application_token')
    .on('programme')
    .column('application_token')
    .unique()
    .execute();

  await db.schema
    .createTable('application')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('person_id', 'text', (c) => c.references('person.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invite_token_hash', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('job_role', 'text', (c) => c.notNull())
    .addColumn('themes_json', 'text', (c) => c.notNull())
    .addColumn('languages_json', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('availability_json', 'text', (c) => c.notNull())
    .addColumn('hopes', 'text', (c) => c.notNull())
    .addColumn('must_avoid_json', 'text', (c) => c.notNull())
    .addColumn('as_facilitator', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('person.id'))
    .addColumn('decided_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_programme_email')
    .on('application')
    .columns(['programme_id', 'email'])
    .unique()
    .execute();
  await db.schema.createIndex('application_person').on('application').column('person_id').execute();

  await db.schema
    .createTable('consent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('wording', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('consent_application').on('consent').column('application_id').execute();

  await db.schema
    .createTable('ground_rules_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ground_rules_version_set')
    .on('ground_rules_version')
    .columns(['set_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('ground_rules_acceptance')
    .addColumn('version_id', 'text', (c) => c.notNull().references('ground_rules_version.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ground_rules_acceptance_pk', ['version_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('formation_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('assignment_json', 'text', (c) => c.notNull())
    .addColumn('notices_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('formation_run_programme').on('formation_run').column('programme_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'formation_run',
    'ground_rules_acceptance',
    'ground_rules_version',
    'consent',
    'application',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('programme_application_token').execute();
  for (const column of ['application_token', 'participation', 'meeting_cadence'])
    await db.schema.alterTable('programme').dropColumn(column).execute();
}
