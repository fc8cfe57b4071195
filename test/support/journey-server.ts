// The app as a browser journey meets it: a fresh SQLite database, a real SMTP server catching its
// mail (when the journey reads mail), and Revans listening on a free port.
import { type Config, loadConfig } from '../../src/server/config.ts';
import { type RunningServer, startServer } from '../../src/server/start.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { freePort } from './server-process.ts';
import { type SmtpCatcher, startSmtpCatcher } from './smtp.ts';

export interface JourneyServer {
  server: RunningServer;
  baseUrl: string;
  database: TestDatabase;
  /** Present when started with `{ mail: true }`. */
  catcher: SmtpCatcher | undefined;
  close(): Promise<void>;
}

export async function startJourneyServer(options: {
  mail: boolean;
  /** Settings to shorten delays (e.g. how often reminders are looked for). */
  config?: Partial<Config>;
  /** The server's clock, for a journey that must pass time (e.g. an objection period); real time if left out. */
  now?: () => Date;
}): Promise<JourneyServer> {
  const catcher = options.mail ? await startSmtpCatcher() : undefined;
  const database = await createTestDatabase('sqlite');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(
    loadConfig(
      {},
      {
        port,
        host: '127.0.0.1',
        dataDir: database.dataDir,
        publicUrl: baseUrl,
        logLevel: 'warn',
        ...(catcher
          ? { smtpUrl: catcher.url, mailRetry: { baseDelayMs: 200, maxAttempts: 5, pollIntervalMs: 200 } }
          : {}),
        ...options.config,
      },
    ),
    options.now ? { now: options.now } : {},
  );
  return {
    server,
    baseUrl,
    database,
    catcher,
    async close() {
      await server.close();
      await catcher?.stop();
      await database.drop();
    },
  };
}
