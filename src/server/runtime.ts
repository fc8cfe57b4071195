import pino, { type Logger } from 'pino';
import { createServerI18n } from '../i18n/server.ts';
import { startAuditPurge, stopAuditPurge } from './audit/service.ts';
import { createAuth } from './auth/auth.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { startNotificationScheduler, stopNotificationScheduler } from './features/notifications/scheduler.ts';
import { ViewerCache } from './http/viewer-cache.ts';
import { InProcessBus, type LiveBus, PostgresBus } from './live/bus.ts';
import { openEventLog } from './live/event-log.ts';
import { MeetingHub } from './live/hub.ts';
import { buildSetup, meetingSetup } from './live/setup.ts';
import { createMailTransport } from './mail/transport.ts';
import { MailWorker } from './mail/worker.ts';
import { createMetrics, timedEventLog } from './metrics.ts';
import { openStore } from './store/db.ts';
import { migrateToLatest } from './store/migrate.ts';

export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json';
  return pino({
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}

/** Opens the store (migrating it unless told not to) and builds every long-lived service. */
export async function createContext(
  config: Config,
  options: {
    logger?: Logger;
    migrate?: boolean;
    now?: () => Date;
    startMailWorker?: boolean;
    /** Reminders and meeting notices; by default runs wherever the mail worker runs. */
    startScheduler?: boolean;
  } = {},
): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate ?? true) await migrateToLatest(store.plain);
  const i18n = await createServerI18n();
  const now = options.now ?? (() => new Date());
  const transport = createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir });
  const mail = new MailWorker({
    db: store.plain,
    transport,
    from: config.mailFrom,
    logger: logger.child({ component: 'mail' }),
    now,
    ...config.mailRetry,
  });
  let bus: LiveBus = new InProcessBus();
  if (config.databaseUrl) {
    const pgBus = new PostgresBus(config.databaseUrl, logger.child({ component: 'live-bus' }));
    await pgBus.start();
    bus = pgBus;
  }
  const metrics = createMetrics();
  const ctx = {
    config,
    metrics,
    store,
    logger,
    i18n,
    mail,
    now,
    bus,
    db: store.db,
    afterCommit: (effect: () => void) => effect(),
    auth: createAuth({
      config,
      store,
      i18n,
      now,
      onMailQueued: () => mail.wake(),
      onSessionEnded: (session) =>
        bus.publish({ kind: 'session-ended', sessionId: session.id, userId: session.userId }),
      onUserChanged: (userId) => bus.publish({ kind: 'user-changed', userId }),
    }),
  } as AppContext;
  if (store.sqlite && config.viewerCacheMs > 0) {
    const sqlite = store.sqlite;
    ctx.viewerCache = new ViewerCache(() => sqlite.dataVersion(), {
      ttlMs: config.viewerCacheMs,
      maxEntries: 20_000,
      maxBytes: 32 * 1024 * 1024,
      now: () => now().getTime(),
      onLookup: (hit) => metrics.viewerCacheAnswers.inc({ result: hit ? 'hit' : 'miss' }),
    });
  }
  ctx.live = new MeetingHub({
    db: store.plain,
    log: timedEventLog(openEventLog(store), metrics),
    bus,
    logger: logger.child({ component: 'live' }),
    now,
    loadSetup: (meetingId) => meetingSetup(ctx, meetingId),
    buildSetup: (meetingId) => buildSetup(ctx, meetingId),
    stalePresenceAfterMs: config.databaseUrl ? undefined : config.presenceGraceMs,
    maxCommandsUnderway: config.liveMaxUnderway,
  });
  if (options.startMailWorker ?? true) mail.start();
  if (options.startScheduler ?? options.startMailWorker ?? true)
    startNotificationScheduler(ctx, config.reminderPollMs);
  if (options.startScheduler ?? options.startMailWorker ?? true) startAuditPurge(ctx, config.auditPurgeMs);
  return ctx;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.live.close();
  stopAuditPurge(ctx);
  await stopNotificationScheduler(ctx);
  await ctx.mail.stop();
  await ctx.bus.close();
  await ctx.store.destroy();
}
