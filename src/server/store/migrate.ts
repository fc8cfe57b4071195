import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as accounts from './migrations/0001_accounts.ts';
import * as core from './migrations/0002_core.ts';
import * as mailOutbox from './migrations/0003_mail_outbox.ts';
import * as meetings from './migrations/0004_meetings.ts';
import * as schedule from './migrations/0005_schedule.ts';
import * as enrolment from './migrations/0006_enrolment.ts';
import * as liveLog from './migrations/0007_live_log.ts';
import * as programmeEvents from './migrations/0008_programme_events.ts';
import * as applicationStatusLink from './migrations/0009_application_status_link.ts';
import * as concerns from './migrations/0010_concerns.ts';
import * as workshops from './migrations/0011_workshops.ts';
import * as feedback from './migrations/0012_feedback.ts';
import * as closing from './migrations/0013_closing.ts';
import * as ssoTwoFactor from './migrations/0014_sso_two_factor.ts';
import * as audit from './migrations/0015_audit.ts';
import * as coachSettings from './migrations/0016_coach_settings.ts';
import * as logCompaction from './migrations/0017_log_compaction.ts';
import * as actorIndexes from './migrations/0021_actor_indexes.ts';
import * as programmeStarters from './migrations/0022_programme_starters.ts';

/** Listed in code, not read from a folder, so the bundle and tsx see the same set on both dialects. */
const migrations: Record<string, Migration> = {
  '0001_accounts': accounts,
  '0002_core': core,
  '0003_mail_outbox': mailOutbox,
  '0004_meetings': meetings,
  '0005_schedule': schedule,
  '0006_enrolment': enrolment,
  '0007_live_log': liveLog,
  '0008_programme_events': programmeEvents,
  '0009_application_status_link': applicationStatusLink,
  '0010_concerns': concerns,
  '0011_workshops': workshops,
  '0012_feedback': feedback,
  '0013_closing': closing,
  '0014_sso_two_factor': ssoTwoFactor,
  '0015_audit': audit,
  '0016_coach_settings': coachSettings,
  '0017_log_compaction': logCompaction,
  '0021_actor_indexes': actorIndexes,
  '0022_programme_starters': programmeStarters,
};

export const migrationNames = Object.keys(migrations);
export const latestMigration = migrationNames.at(-1)!;

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Features are built in parallel with their numbers reserved in advance, so one can land before a
    // lower-numbered one: a database that already ran the later one must still get the earlier one.
    allowUnorderedMigrations: true,
  });
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
