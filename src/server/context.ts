import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Auth } from './auth/auth.ts';
import type { Config } from './config.ts';
import type { ViewerCache } from './http/viewer-cache.ts';
import type { LiveBus } from './live/bus.ts';
import type { MeetingHub } from './live/hub.ts';
import type { MailWorker } from './mail/worker.ts';
import type { Metrics } from './metrics.ts';
import type { Store } from './store/db.ts';
import type { DB } from './store/schema.ts';

/** What every service needs, built once per process and passed down (no module-level singletons). */
export interface AppContext {
  config: Config;
  store: Store;
  auth: Auth;
  i18n: i18n;
  logger: Logger;
  mail: MailWorker;
  /** Live meeting rooms of this process, and the bus that links them to other processes. */
  live: MeetingHub;
  bus: LiveBus;
  /** Figures for /metrics. */
  metrics: Metrics;
  /** SQLite: the busiest signed-in reads, remembered per session while no row changes. */
  viewerCache?: ViewerCache;
  /** The clock; tests may pass a fixed one. Domain code never reads it directly. */
  now: () => Date;
  /**
   * Where services run their queries: the database, or the transaction of the use case they are part
   * of (see `transact`), so that work spanning features commits or fails as one.
   */
  db: Kysely<DB>;
  /** Runs after the work commits (at once outside a transaction): wake the mailer, signal other nodes. */
  afterCommit(effect: () => void): void;
}
