/**
 * Reading the audit trail (host admins): filtered pages newest first, the CSV export (itself recorded),
 * the retention setting, and the purge that drops events older than the retention.
 */
import { type Kysely, sql } from 'kysely';
import type {
  AuditAction,
  AuditEvent,
  AuditFilters,
  AuditOutcome,
  AuditPage,
  AuditSettings,
  AuditTargetType,
} from '../../contract/audit.ts';
import type { PersonActor } from '../../domain/access.ts';
import type { AppContext } from '../context.ts';
import { hostResource } from '../features/resources.ts';
import { authorize } from '../http/authorize.ts';
import { Problem } from '../http/problem.ts';
import type { DB } from '../store/schema.ts';
import { transact } from '../transact.ts';
import { audit } from './audit.ts';

/** How long events are kept when a host has not chosen: a year. */
export const defaultRetentionDays = 365;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function likePattern(words: string): string {
  return `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const invalid = (field: string, detail: string) =>
  new Problem('validation-failed', detail, [{ field, message: detail }]);

interface Cursor {
  at: string;
  id: string;
}

function readCursor(before: string | undefined): Cursor | undefined {
  if (!before) return undefined;
  const [at, id] = before.split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !uuidPattern.test(id))
    throw invalid(
      'query.before',
      'The page marker "before" is not one this list gave out; start from the first page.',
    );
  return { at, id };
}

function query(db: Kysely<DB>, hostId: string, filters: AuditFilters, cursor: Cursor | undefined) {
  let q = db.selectFrom('auditEvent').selectAll().where('hostId', '=', hostId);
  if (filters.action) q = q.where('action', '=', filters.action);
  if (filters.actor) {
    const actor = filters.actor;
    q = uuidPattern.test(actor)
      ? q.where('actorPersonId', '=', actor)
      : q.where(sql<boolean>`lower(${sql.ref('actorLabel')}) like ${likePattern(actor)} escape '\\'`);
  }
  if (filters.target) {
    const target = filters.target;
    q = uuidPattern.test(target)
      ? q.where('targetId', '=', target)
      : q.where(sql<boolean>`lower(${sql.ref('targetLabel')}) like ${likePattern(target)} escape '\\'`);
  }
  if (filters.from) q = q.where('at', '>=', `${filters.from}T00:00:00.000Z`);
  if (filters.to) q = q.where('at', '<=', `${filters.to}T23:59:59.999Z`);
  if (cursor)
    q = q.where((eb) =>
      eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('id', '<', cursor.id)])]),
    );
  return q.orderBy('at', 'desc').orderBy('id', 'desc');
}

function present(row: DB['auditEvent']): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorPersonId,
    actorLabel: row.actorLabel,
    action: row.action as AuditAction,
    targetType: row.targetType as AuditTargetType | null,
    targetId: row.targetId,
    targetLabel: row.targetLabel,
    outcome: row.outcome as AuditOutcome,
    ip: row.ip,
    details: JSON.parse(row.details) as AuditEvent['details'],
  };
}

function checkRange(filters: AuditFilters) {
  if (filters.from && filters.to && filters.from > filters.to)
    throw invalid('query.to', 'The first day comes after the last day; swap them.');
}

export async function listAudit(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  filters: AuditFilters & { limit: number; before?: string | undefined },
): Promise<AuditPage> {
  authorize(actor, 'audit.read', hostResource(hostId));
  checkRange(filters);
  const rows = await query(ctx.db, hostId, filters, readCursor(filters.before))
    .limit(filters.limit + 1)
    .execute();
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    events: page.map(present),
    next: rows.length > filters.limit && last ? `${last.at}|${last.id}` : null,
  };
}

const csvColumns = [
  'at',
  'actor',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'target',
  'outcome',
  'ip',
  'details',
] as const;

/** A CSV cell; one that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function cell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function exportAudit(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  filters: AuditFilters,
): Promise<string> {
  authorize(actor, 'audit.export', hostResource(hostId));
  checkRange(filters);
  const lines = [csvColumns.join(',')];
  let cursor: Cursor | undefined;
  let count = 0;
  for (;;) {
    const rows = await query(ctx.db, hostId, filters, cursor).limit(1000).execute();
    for (const r of rows) {
      lines.push(
        [
          r.at,
          r.actorLabel,
          r.actorPersonId,
          r.action,
          r.targetType,
          r.targetId,
          r.targetLabel,
          r.outcome,
          r.ip,
          r.details,
        ]
          .map(cell)
          .join(','),
      );
    }
    count += rows.length;
    const last = rows.at(-1);
    if (rows.length < 1000 || !last) break;
    cursor = { at: last.at, id: last.id };
  }
  // Recorded after it is read, so the export does not list itself.
  await audit(ctx, {
    hostId,
    by: actor,
    action: 'audit.exported',
    target: { type: 'host', id: hostId },
    details: { events: count, ...filterDetails(filters) },
  });
  return `${lines.join('\r\n')}\r\n`;
}

function filterDetails(filters: AuditFilters) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) out[key] = String(value);
  return out;
}

async function retentionOf(db: Kysely<DB>, hostId: string): Promise<number> {
  const row = await db
    .selectFrom('auditSetting')
    .select('retentionDays')
    .where('hostId', '=', hostId)
    .executeTakeFirst();
  return row?.retentionDays ?? defaultRetentionDays;
}

export async function getAuditSettings(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
): Promise<AuditSettings> {
  authorize(actor, 'audit.configure', hostResource(hostId));
  return { retentionDays: await retentionOf(ctx.db, hostId) };
}

export async function updateAuditSettings(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  retentionDays: number,
): Promise<AuditSettings> {
  authorize(actor, 'audit.configure', hostResource(hostId));
  const before = await retentionOf(ctx.db, hostId);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db
      .insertInto('auditSetting')
      .values({ hostId, retentionDays, updatedAt: now })
      .onConflict((oc) => oc.column('hostId').doUpdateSet({ retentionDays, updatedAt: now }))
      .execute();
    await audit(tx, {
      hostId,
      by: actor,
      action: 'audit.settingsChanged',
      target: { type: 'host', id: hostId },
      details: { retentionDaysBefore: before, retentionDays },
    });
  });
  return { retentionDays };
}

/**
 * Deletes each host's events older than its retention, through the purge gate (the only way past the
 * append-only triggers), and records how many went. Returns the number deleted.
 */
export async function purgeAuditTrail(ctx: AppContext): Promise<number> {
  const hosts = await ctx.db
    .selectFrom('host')
    .leftJoin('auditSetting', 'auditSetting.hostId', 'host.id')
    .select(['host.id', 'auditSetting.retentionDays'])
    .execute();
  const now = ctx.now();
  let total = 0;
  for (const host of hosts) {
    const days = host.retentionDays ?? defaultRetentionDays;
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    total += await transact(ctx, async (tx) => {
      await tx.db.insertInto('auditPurgeGate').values({ id: 1 }).execute();
      const result = await tx.db
        .deleteFrom('auditEvent')
        .where('hostId', '=', host.id)
        .where('at', '<', cutoff)
        .executeTakeFirst();
      await tx.db.deleteFrom('auditPurgeGate').execute();
      const deleted = Number(result.numDeletedRows);
      if (deleted > 0)
        await audit(tx, {
          hostId: host.id,
          actorId: null,
          action: 'audit.purged',
          target: { type: 'host', id: host.id },
          ip: null,
          details: { events: deleted, olderThan: cutoff, retentionDays: days },
        });
      return deleted;
    });
  }
  // Failed sign-ins no host could be told of are kept for the default retention.
  const cutoff = new Date(now.getTime() - defaultRetentionDays * 86_400_000).toISOString();
  total += await transact(ctx, async (tx) => {
    await tx.db.insertInto('auditPurgeGate').values({ id: 1 }).execute();
    const result = await tx.db
      .deleteFrom('auditEvent')
      .where('hostId', 'is', null)
      .where('at', '<', cutoff)
      .executeTakeFirst();
    await tx.db.deleteFrom('auditPurgeGate').execute();
    return Number(result.numDeletedRows);
  });
  return total;
}

const purgeTimers = new WeakMap<object, () => void>();

/** Stops the periodic purge of this context, if it runs. */
export function stopAuditPurge(ctx: AppContext): void {
  purgeTimers.get(ctx.store)?.();
  purgeTimers.delete(ctx.store);
}

/** Runs the purge soon after start and then every `intervalMs` (AUDIT_PURGE_MS), until stopped. */
export function startAuditPurge(ctx: AppContext, intervalMs: number): void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    purgeAuditTrail(ctx)
      .catch((error) => ctx.logger.error({ err: error }, 'audit purge failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  purgeTimers.set(ctx.store, () => {
    clearTimeout(first);
    clearInterval(timer);
  });
}
