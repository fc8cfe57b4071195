import type { Command } from 'commander';
import { z } from 'zod';
import { email, language, name, password, timeZone } from '../../contract/fields.ts';
import { loadConfig } from '../../server/config.ts';
import { createAdmin } from '../../server/features/setup/service.ts';
import { closeContext, createContext, createLogger } from '../../server/runtime.ts';
import { usageError } from '../usage.ts';

const options = z.object({ email, name, password, hostName: name, timeZone, language });

export function register(program: Command): void {
  program
    .command('create-admin')
    .description('Add a host admin with a password (creating the host when Revans is not set up yet).')
    .requiredOption('--email <email>', 'their email address (they sign in with it)')
    .requiredOption('--name <name>', 'their name')
    .option('--password <password>', 'their password (or set REVANS_ADMIN_PASSWORD; at least 10 characters)')
    .option('--host-name <name>', 'the host’s name, when creating it', 'Revans')
    .option('--time-zone <zone>', 'IANA time zone', 'Europe/London')
    .option('--language <code>', 'en, fr or es', 'en')
    .action(async (raw: Record<string, string>) => {
      const parsed = options.safeParse({
        ...raw,
        password: raw.password ?? process.env.REVANS_ADMIN_PASSWORD,
      });
      if (!parsed.success) usageError(parsed.error);
      const input = parsed.data;
      const config = loadConfig();
      const ctx = await createContext(config, { logger: createLogger('warn'), startMailWorker: false });
      try {
        const host = await ctx.db.selectFrom('host').select(['id', 'name']).limit(1).executeTakeFirst();
        await createAdmin(
          ctx,
          {
            hostName: input.hostName,
            adminName: input.name,
            email: input.email,
            password: input.password,
            timeZone: input.timeZone,
            language: input.language,
          },
          host?.id,
        );
        console.log(
          `${input.name} <${input.email}> is now an admin of ${host?.name ?? input.hostName}. Sign in at ${config.publicUrl}/sign-in`,
        );
      } catch (error) {
        console.error((error as Error).message);
        process.exitCode = 1;
      } finally {
        await closeContext(ctx);
      }
    });
}
