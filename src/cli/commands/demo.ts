import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { demoPassword, seedDemo } from '../../server/demo/seed.ts';
import { closeContext, createContext, createLogger } from '../../server/runtime.ts';

const steps = 17;

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'Load a demo host into an empty installation: nine people from seven NGOs in two facilitated sets of 4 and 5, and print how to sign in as each role.',
    )
    .action(async () => {
      const config = loadConfig();
      const ctx = await createContext(config, { logger: createLogger('warn'), startMailWorker: false });
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: 'Loading demo [{bar}] {value}/{total} {step}', stream: process.stderr },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      bar?.start(steps, 0, { step: '' });
      try {
        const logins = await seedDemo(ctx, (step) => bar?.increment({ step }));
        bar?.update(steps);
        bar?.stop();
        console.log(`Demo loaded. Start Revans (npm start) and open ${config.publicUrl}/sign-in`);
        console.log(`Every demo account's password is: ${demoPassword}\n`);
        for (const login of logins)
          console.log(`  ${login.role.padEnd(24)} ${login.name.padEnd(18)} ${login.email}`);
      } catch (error) {
        bar?.stop();
        console.error((error as Error).message);
        process.exitCode = 1;
      } finally {
        await closeContext(ctx);
      }
    });
}
