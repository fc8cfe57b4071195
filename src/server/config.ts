import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every setting Revans reads, with its default. The README and docs/operators list the same names. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL URL; when absent Revans uses SQLite at DATA_DIR/revans.sqlite. */
  databaseUrl: string | undefined;
  /** The address used in every link Revans sends; never taken from a request's Host header. */
  publicUrl: string;
  authSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  signInRateLimit: { max: number; windowSeconds: number };
  apiRateLimit: { max: number; windowSeconds: number };
  mailRetry: { baseDelayMs: number; maxAttempts: number; pollIntervalMs: number };
  invitationTtlHours: number;
  /** After a restart, how long someone still marked present has to reconnect before the room marks them gone. */
  presenceGraceMs: number;
  /** Live commands underway at once before new ones are answered busy (LIVE_MAX_UNDERWAY). */
  liveMaxUnderway: number;
  /**
   * How often each process checks that the sessions of its open live sockets still exist
   * (LIVE_SESSION_SWEEP_MS): the safety net behind the "session ended" signal.
   */
  liveSessionSweepMs: number;
  /** How often the scheduler looks for due reminders and meeting notices (REMINDER_POLL_MS). */
  reminderPollMs: number;
  /** How often the audit trail drops events older than each host's retention (AUDIT_PURGE_MS). */
  auditPurgeMs: number;
  /** Days after an ended meeting's last change before its live log is compacted (LIVE_LOG_COMPACT_DAYS). */
  liveLogCompactDays: number;
  /** Days sent and failed mails stay in the outbox before they are pruned (MAIL_RETENTION_DAYS). */
  mailRetentionDays: number;
  /**
   * SQLite: how long a signed-in person's busiest reads are remembered while no row changes
   * (VIEWER_CACHE_MS; 0 turns it off). See `http/viewer-cache.ts`.
   */
  viewerCacheMs: number;
  trustProxy: boolean;
  /** Turns on GET /metrics for a scraper that sends it as a bearer token (METRICS_TOKEN). */
  metricsToken: string | undefined;
  /** Folder holding the built web app (vite build output). */
  webDir: string;
}

type Env = Record<string, string | undefined>;

function intSetting(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`The setting ${name} must be a whole number, but it is "${raw}".`);
  }
  return value;
}

/** AUTH_SECRET is generated on first start and kept in DATA_DIR so sessions survive restarts. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Where the data lives (DATA_DIR, DATABASE_URL), read without creating anything: `revans backup` and
 * `revans restore` must not make a folder or an auth secret while they check what is there.
 */
export function storeSettings(env: Env = process.env): { dataDir: string; databaseUrl: string | undefined } {
  return { dataDir: path.resolve(env.DATA_DIR ?? './data'), databaseUrl: env.DATABASE_URL || undefined };
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const settings = storeSettings(env);
  const dataDir = path.resolve(overrides.dataDir ?? settings.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = overrides.port ?? intSetting(env, 'PORT', 3000);
  const host = overrides.host ?? env.HOST ?? '0.0.0.0';
  const publicUrl = (overrides.publicUrl ?? env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new Error(
      `The setting PUBLIC_URL must be a full address such as https://revans.example.org, but it is "${publicUrl}".`,
    );
  }
  const authSecret = overrides.authSecret ?? (env.AUTH_SECRET || loadOrCreateSecret(dataDir));
  if (authSecret.length < 32) throw new Error('The setting AUTH_SECRET must be at least 32 characters long.');
  return {
    port,
    host,
    dataDir,
    databaseUrl: overrides.databaseUrl ?? settings.databaseUrl,
    publicUrl,
    authSecret,
    smtpUrl: overrides.smtpUrl ?? (env.SMTP_URL || undefined),
    mailFrom: overrides.mailFrom ?? env.MAIL_FROM ?? 'Revans <revans@localhost>',
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    signInRateLimit: overrides.signInRateLimit ?? {
      max: intSetting(env, 'SIGNIN_RATE_LIMIT_MAX', 5),
      windowSeconds: intSetting(env, 'SIGNIN_RATE_LIMIT_WINDOW_SECONDS', 60),
    },
    apiRateLimit: overrides.apiRateLimit ?? {
      max: intSetting(env, 'API_RATE_LIMIT_MAX', 600),
      windowSeconds: intSetting(env, 'API_RATE_LIMIT_WINDOW_SECONDS', 60),
    },
    mailRetry: overrides.mailRetry ?? {
      baseDelayMs: intSetting(env, 'MAIL_RETRY_BASE_MS', 30_000),
      maxAttempts: intSetting(env, 'MAIL_MAX_ATTEMPTS', 12),
      pollIntervalMs: intSetting(env, 'MAIL_POLL_MS', 2_000),
    },
    invitationTtlHours: overrides.invitationTtlHours ?? intSetting(env, 'INVITATION_TTL_HOURS', 24 * 14),
    presenceGraceMs: overrides.presenceGraceMs ?? intSetting(env, 'PRESENCE_GRACE_MS', 30_000),
    liveMaxUnderway: overrides.liveMaxUnderway ?? intSetting(env, 'LIVE_MAX_UNDERWAY', 2000),
    liveSessionSweepMs: overrides.liveSessionSweepMs ?? intSetting(env, 'LIVE_SESSION_SWEEP_MS', 60_000),
    reminderPollMs: overrides.reminderPollMs ?? intSetting(env, 'REMINDER_POLL_MS', 30_000),
    auditPurgeMs: overrides.auditPurgeMs ?? intSetting(env, 'AUDIT_PURGE_MS', 3_600_000),
    liveLogCompactDays: overrides.liveLogCompactDays ?? intSetting(env, 'LIVE_LOG_COMPACT_DAYS', 30),
    mailRetentionDays: overrides.mailRetentionDays ?? intSetting(env, 'MAIL_RETENTION_DAYS', 90),
    viewerCacheMs: overrides.viewerCacheMs ?? intSetting(env, 'VIEWER_CACHE_MS', 2_000),
    trustProxy: overrides.trustProxy ?? env.TRUST_PROXY === 'true',
    metricsToken: overrides.metricsToken ?? (env.METRICS_TOKEN || undefined),
    webDir: overrides.webDir ?? path.resolve(env.WEB_DIR ?? 'dist/web'),
  };
}
