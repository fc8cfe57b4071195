import type { Command } from 'commander';
import { storeSettings } from '../../server/config.ts';
import { BackupError } from '../../server/store/backup/format.ts';
import { restoreBackup } from '../../server/store/backup/restore.ts';
import { mebibytes } from './backup.ts';

export function register(program: Command): void {
  program
    .command('restore')
    .description(
      'Restore a file made by `revans backup` into an empty data folder (DATA_DIR), after checking it; then run `revans migrate` and `revans serve`.',
    )
    .argument('<file>', 'the backup file (.tar.gz) made by `revans backup`')
    .addHelpText(
      'after',
      `
Reads DATA_DIR (default ./data) like \`revans serve\`. Refuses, changing nothing, when DATA_DIR already
holds a database. Checks the backup first (its checksums, SQLite's integrity check, the migration
table, migrations this Revans knows), then moves the database and auth-secret into place atomically.
For PostgreSQL, restore a pg_dump file with pg_restore instead (see docs/operators.md, "Backups").

Exit codes:
  0  restored
  1  the file is not a usable backup (not one, damaged, or made by a newer Revans), or writing
     failed; nothing was changed
  2  refused before starting: a usage mistake, the file is missing or unreadable, DATA_DIR already
     holds a database (or another auth-secret), or DATABASE_URL is set`,
    )
    .action(async (file: string) => {
      const { dataDir, databaseUrl } = storeSettings();
      try {
        const result = await restoreBackup({ file, dataDir, databaseUrl });
        const { manifest } = result;
        console.log(`Restored ${file} into ${result.dataDir}:`);
        console.log(
          `  database: revans.sqlite (${mebibytes(manifest.database.bytes)}) as it was at ${manifest.createdAt}, made by Revans ${manifest.revansVersion}; integrity ok, up to migration ${result.latestMigration ?? '(none)'}`,
        );
        const counts = Object.values(result.counts);
        if (counts.length) console.log(`  holds: ${counts.join(', ')}`);
        console.log(
          {
            restored: '  auth-secret: restored, so existing sessions and links keep working',
            'already in place': '  auth-secret: the same one was already in DATA_DIR',
            'not in backup':
              '  auth-secret: not in this backup; set AUTH_SECRET to the old server’s value, or everyone signs in again (a new secret is made on first start)',
          }[result.authSecret],
        );
        const migrate =
          result.pendingMigrations > 0
            ? `run \`revans migrate\` (${result.pendingMigrations} migration${result.pendingMigrations === 1 ? '' : 's'} to apply), then`
            : '';
        console.log(`Next: ${migrate ? `${migrate} ` : ''}start Revans on it with \`revans serve\`.`);
      } catch (error) {
        if (error instanceof BackupError) {
          console.error(error.message);
          process.exitCode = error.exitCode;
        } else {
          console.error(
            `The restore failed and nothing was changed: ${(error as Error).message}. Check the disk and DATA_DIR, then run it again.`,
          );
          process.exitCode = 1;
        }
      }
    });
}
