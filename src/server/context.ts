import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { Auth } from './auth/auth.ts';
import type { Config } from './config.ts';
import type { MailWorker } from './mail/worker.ts';
import type { Store } from './store/db.ts';

/** What every service needs, built once per process and passed down (no module-level singletons). */
export interface AppContext {
  config: Config;
  store: Store;
  auth: Auth;
  i18n: i18n;
  logger: Logger;
  mail: MailWorker;
  /** The clock; tests may pass a fixed one. Domain code never reads it directly. */
  now: () => Date;
}
