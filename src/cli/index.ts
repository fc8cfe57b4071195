import { Command } from 'commander';
import { register as registerBackup } from './commands/backup.ts';
import { register as registerCoach } from './commands/coach.ts';
import { register as registerCreateAdmin } from './commands/create-admin.ts';
import { register as registerDemo } from './commands/demo.ts';
import { register as registerFormSets } from './commands/form-sets.ts';
import { register as registerImportParticipants } from './commands/import-participants.ts';
import { register as registerMigrate } from './commands/migrate.ts';
import { register as registerRestore } from './commands/restore.ts';
import { register as registerServe } from './commands/serve.ts';

const program = new Command()
  .name('revans')
  .description('Revans: run action learning programmes, sets and meetings.')
  .showHelpAfterError()
  .exitOverride((error) => {
    // Usage mistakes exit 2 with commander's one-line message; --help and --version exit 0.
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

for (const register of [
  registerServe,
  registerMigrate,
  registerCreateAdmin,
  registerDemo,
  registerFormSets,
  registerImportParticipants,
  registerBackup,
  registerRestore,
  registerCoach,
]) {
  register(program);
}

await program.parseAsync(process.argv);
