import type { Kysely } from 'kysely';

/**
 * Issues of common concern (issue 9): proposals a set may share with its programme, the objections and
 * room approvals that decide it, each set's objection period, the programme's themes and the anonymous
 * votes that prioritise them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('concern_theme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('concern_theme_programme').on('concern_theme').column('programme_id').execute();

  await db.schema
    .createTable('concern')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('set_id', 'text', (c) => c.notNull().references('learning_set.id'))
    .addColumn('proposer_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('theme_tag', 'text', (c) => c.notNull())
    .addColumn('show_set_name', 'integer', (c) => c.notNull())
    // proposed | shared | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    // 1 for the words first proposed, +1 at each change (approvals are for one version)
    .addColumn('version', 'integer', (c) => c.notNull())
    // When the current words were proposed, and the end of their objection period.
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('consent_by', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text')
    // period | room
    .addColumn('shared_how', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('theme_id', 'text', (c) => c.references('concern_theme.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('concern_set').on('concern').columns(['set_id', 'status']).execute();
  await db.schema
    .createIndex('concern_programme')
    .on('concern')
    .columns(['programme_id', 'status'])
    .execute();
  await db.schema.createIndex('concern_due').on('concern').columns(['status', 'consent_by']).execute();

  await db.schema
    .createTable('concern_objection')
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concern.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('concern_objection_pk', ['concern_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('concern_approval')
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concern.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('concern_approval_pk', ['concern_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('set_concern_setting')
    .addColumn('set_id', 'text', (c) => c.primaryKey().references('learning_set.id'))
    .addColumn('objection_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('theme_voting')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programme.id'))
    .addColumn('votes_per_person', 'integer', (c) => c.notNull())
    // not-open | open | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Who voted is not stored: a voter is a keyed hash of programme and person, enough to enforce the
  // limit and show a voter their own votes, and nothing else.
  await db.schema
    .createTable('theme_vote')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull().references('concern_theme.id'))
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('theme_vote_pk', ['voter_key', 'theme_id'])
    .execute();
  await db.schema.createIndex('theme_vote_programme').on('theme_vote').column('programme_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'theme_vote',
    'theme_voting',
    'set_concern_setting',
    'concern_approval',
    'concern_objection',
    'concern',
    'concern_theme',
  ])
    await db.schema.dropTable(table).execute();
}
