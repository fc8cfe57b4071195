import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { storeSettings } from '../../server/config.ts';
import { type BackupPhase, createBackup, defaultPagesPerStep } from '../../server/store/backup/create.ts';
import { BackupError } from '../../server/store/backup/format.ts';
import { usageError } from '../usage.ts';

export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** On a terminal, a bar for the copy and a line for each later step; nothing when run by cron. */
function progressDisplay() {
  if (!process.stderr.isTTY) return { onProgress: undefined, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'Copying the database [{bar}] {percentage}% | {value}/{total} pages',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: BackupPhase | undefined;
  const stop = () => {
    if (phase === 'copy') bar.stop();
  };
  const onProgress = (next: BackupPhase, done: number, total: number) => {
    if (next !== phase) {
      stop();
      phase = next;
      if (next === 'copy') bar.start(total, done);
      if (next === 'check') process.stderr.write('Checking the copy with SQLite’s integrity check…\n');
      if (next === 'pack') process.stderr.write('Compressing the backup…\n');
    } else if (next === 'copy') {
      bar.setTotal(total);
      bar.update(done);
    }
  };
  return { onProgress, stop };
}

export function register(program: Command): void {
  program
    .command('backup')
    .description(
      'Back up a running Revans on SQLite: a consistent copy of the database (SQLite’s online backup API) and DATA_DIR’s auth-secret, in one .tar.gz file. On PostgreSQL it tells you the pg_dump command to use instead.',
    )
    .requiredOption('--out <file>', 'the backup file to write, e.g. /backups/revans-$(date +%F).tar.gz')
    .option('--force', 'replace --out if it already exists (only once the new backup is complete)')
    .option(
      '--pages-per-step <n>',
      'database pages (4 KiB each) copied between two looks at Ctrl-C and the progress bar',
      String(defaultPagesPerStep),
    )
    .addHelpText(
      'after',
      `
Reads DATA_DIR (default ./data) and DATABASE_URL like \`revans serve\`. The server keeps running and
keeps writing: the backup holds the database exactly as it was when the copy began. The file holds
manifest.json, revans.sqlite and auth-secret (list it with \`tar -tzvf FILE\`); keep it as secret as
the database. Restore it with \`revans restore FILE\`. See docs/operators.md, "Backups".

Exit codes:
  0  the backup was written and checked
  1  the backup failed while being made (the message says why); nothing was written
  2  refused before starting: a usage mistake, --out exists (without --force), its folder is
     missing or not writable, no Revans database in DATA_DIR, or DATABASE_URL is PostgreSQL`,
    )
    .action(async (options: { out: string; force?: boolean; pagesPerStep: string }) => {
      const pagesPerStep = Number(options.pagesPerStep);
      if (!Number.isInteger(pagesPerStep) || pagesPerStep < 1)
        usageError(
          `--pages-per-step must be a whole number of at least 1, but it is "${options.pagesPerStep}".`,
        );
      const { dataDir, databaseUrl } = storeSettings();
      const controller = new AbortController();
      const stopOnSignal = () => {
        // A second Ctrl-C leaves at once; the first lets the backup clean up after itself.
        if (controller.signal.aborted) process.exit(130);
        controller.abort();
      };
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      for (const signal of signals) process.on(signal, stopOnSignal);
      const display = progressDisplay();
      try {
        const result = await createBackup({
          dataDir,
          databaseUrl,
          out: options.out,
          force: options.force ?? false,
          pagesPerStep,
          onProgress: display.onProgress,
          signal: controller.signal,
        });
        display.stop();
        const { manifest } = result;
        console.log(`Backup written: ${result.out} (${mebibytes(result.archiveBytes)})`);
        console.log(
          `  database: ${mebibytes(manifest.database.bytes)} as it was at ${manifest.createdAt} (${result.pages} pages copied in ${result.steps} steps), integrity ok, up to migration ${manifest.database.migrations.at(-1) ?? '(none)'}`,
        );
        if (manifest.authSecret.included) {
          console.log(
            '  auth-secret: included (it signs everyone’s sessions and links: keep the backup as secret as the database)',
          );
        } else if (process.env.AUTH_SECRET) {
          console.log(
            '  auth-secret: none in DATA_DIR; this server’s secret is AUTH_SECRET in its environment: keep that value with your backups',
          );
        } else {
          console.log(
            '  auth-secret: none in DATA_DIR; if your server sets AUTH_SECRET, keep that value with your backups (without it everyone signs in again)',
          );
        }
        console.log(
          '  left out: outbox/*.eml (copies of mail already handed over; the database keeps every mail and its state)',
        );
        if (path.dirname(result.out).startsWith(dataDir))
          console.error(
            `Note: this backup is inside DATA_DIR (${dataDir}); copy it to another machine, or a lost disk takes it too.`,
          );
        console.log(`Restore it into an empty data folder with: revans restore ${result.out}`);
      } catch (error) {
        display.stop();
        if (error instanceof BackupError) {
          console.error(error.message);
          process.exitCode = error.exitCode;
        } else {
          console.error(
            `The backup failed and nothing was written: ${(error as Error).message}. Check the disk and DATA_DIR, then run it again.`,
          );
          process.exitCode = 1;
        }
      } finally {
        for (const signal of signals) process.off(signal, stopOnSignal);
      }
    });
}
