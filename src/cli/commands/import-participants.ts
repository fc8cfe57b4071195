import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import {
  importParticipants,
  parseParticipantsCsv,
  type RowError,
} from '../../server/features/enrolment/import.ts';
import { closeContext, createContext, createLogger } from '../../server/runtime.ts';
import { usageError } from '../usage.ts';

function report(file: string, errors: RowError[]) {
  console.error(`${file}: nothing was imported; fix these rows and run the import again:`);
  for (const e of errors) console.error(`  line ${e.line}: ${e.messages.join('; ')}`);
}

/** `revans import-participants FILE.csv --programme ID`: accepted participants from a file, all or nothing. */
export function register(program: Command): void {
  program
    .command('import-participants')
    .description(
      'Import accepted participants of a programme from a CSV file (columns: docs/coordinators/importing.md). Every row is checked first; if any row is bad, nothing is imported.',
    )
    .argument('<file>', 'the CSV file (UTF-8, header row first)')
    .requiredOption('--programme <id>', 'the programme the participants join')
    .action(async (file: string, options: { programme: string }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        usageError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const { rows, errors } = parseParticipantsCsv(text);
      if (errors.length) {
        report(file, errors);
        process.exitCode = 1;
        return;
      }
      const ctx = await createContext(loadConfig(), { logger: createLogger('warn'), startMailWorker: false });
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { stream: process.stderr, format: 'Importing [{bar}] {value}/{total} participants' },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      try {
        bar?.start(rows.length, 0);
        const result = await importParticipants(ctx, options.programme, rows, (done) => bar?.update(done));
        bar?.stop();
        if (result.errors.length) {
          report(file, result.errors);
          process.exitCode = 1;
          return;
        }
        console.log(`Imported ${result.imported} participants as accepted.`);
      } catch (error) {
        bar?.stop();
        console.error(`Nothing was imported: ${(error as Error).message}`);
        process.exitCode = 1;
      } finally {
        await closeContext(ctx);
      }
    });
}
