import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/runtime.ts';
import { closeGracefullyOnSignals, startServer } from '../../server/start.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve Revans (web app, API and live meetings). Settings come from the environment: see docs/operators.',
    )
    .option('-p, --port <port>', 'port to listen on (PORT, default 3000)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(process.env, options.port ? { port: Number(options.port) } : {});
      const logger = createLogger(config.logLevel);
      const server = await startServer(config, { logger });
      closeGracefullyOnSignals(server, logger);
      logger.info(
        { url: config.publicUrl, database: server.ctx.store.kind, mail: config.smtpUrl ? 'smtp' : 'files' },
        `Revans is running: open ${config.publicUrl}`,
      );
    });
}
