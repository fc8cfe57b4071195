/**
 * The audit trail: who did what to whom and when, for the actions a data-protection officer asks about.
 * It never holds set content (problems, questions, actions, journal entries, concerns): only names of
 * people, programmes and sets, and the facts of the change.
 */
import { z } from 'zod';
import { hostParams, out, urlNumber } from './fields.ts';
import { route } from './route.ts';

/** Every event the trail records; a closed list, so a filter and the CSV name the same things. */
export const auditActions = [
  'auth.signIn',
  'auth.signInFailed',
  'auth.signOut',
  'host.settingsChanged',
  'host.retentionChanged',
  'audit.settingsChanged',
  'audit.exported',
  'audit.purged',
  'person.created',
  'person.archived',
  'person.restored',
  'person.signedOut',
  'hostAdmin.granted',
  'hostAdmin.revoked',
  'programmeStarter.granted',
  'programmeStarter.revoked',
  'programme.created',
  'programme.statusChanged',
  'programme.archived',
  'programme.restored',
  'programme.closed',
  'programme.contentErased',
  'coordinator.added',
  'coordinator.removed',
  'set.archived',
  'set.restored',
  'membership.added',
  'membership.roleChanged',
  'membership.removed',
  'formation.published',
  'record.exported',
  'person.erased',
  'person.dataExported',
  'sso.providerAdded',
  'sso.providerChanged',
  'sso.providerRemoved',
  'twoFactor.policyChanged',
  'device.signedOut',
  'device.othersSignedOut',
] as const;
export const auditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditAction>;

export const auditOutcomes = ['success', 'failure', 'refused'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** Kinds of thing an event is about. */
export const auditTargetTypes = [
  'host',
  'person',
  'programme',
  'set',
  'meeting',
  'formationRun',
  'account',
] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

export const auditEvent = z.object({
  id: out.id,
  at: out.instant,
  actorId: out.id.nullable(),
  /** The actor's name and address as they were at the time, kept after the person is erased. */
  actorLabel: out.text,
  action: auditAction,
  targetType: z.enum(auditTargetTypes).nullable(),
  targetId: out.id.nullable(),
  targetLabel: out.text.nullable(),
  outcome: z.enum(auditOutcomes),
  ip: out.text.nullable(),
  /** Facts of the change (a role, a status, a count); never set content. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEvent = z.infer<typeof auditEvent>;

const day = z.iso.date();

/** Filters shared by the list and the CSV: all optional, combined with "and". */
const filterFields = {
  action: auditAction.optional(),
  /** A person's id, or words from the actor's name or address. */
  actor: z.string().trim().max(200).optional(),
  /** A target's id, or words from its name. */
  target: z.string().trim().max(200).optional(),
  /** First and last day included (UTC). */
  from: day.optional(),
  to: day.optional(),
};
export const auditFilters = z.strictObject(filterFields);
export type AuditFilters = z.output<typeof auditFilters>;

export const auditPage = z.object({
  events: z.array(auditEvent),
  /** Pass as `before` to read the next (older) page; null on the last page. */
  next: out.text.nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

export const listAudit = route({
  method: 'GET',
  path: '/api/hosts/:hostId/audit',
  tags: ['audit'],
  summary: 'The audit trail, newest first, filtered and a page at a time (host admins)',
  params: hostParams,
  query: z.strictObject({
    ...filterFields,
    limit: urlNumber().int().min(1).max(500).default(50),
    /** The `next` marker of the page before. */
    before: z.string().max(200).optional(),
  }),
  response: auditPage,
});

export const exportAudit = route({
  method: 'GET',
  path: '/api/hosts/:hostId/audit.csv',
  tags: ['audit'],
  summary: 'The audit trail as CSV with the same filters (host admins); the export is itself recorded',
  params: hostParams,
  query: auditFilters,
  produces: 'text/csv',
});

export const auditSettings = z.object({
  /** Events older than this many days are purged. */
  retentionDays: z.number().int(),
});
export type AuditSettings = z.infer<typeof auditSettings>;

export const getAuditSettings = route({
  method: 'GET',
  path: '/api/hosts/:hostId/audit/settings',
  tags: ['audit'],
  summary: 'How long the audit trail keeps events (host admins)',
  params: hostParams,
  response: auditSettings,
});

export const updateAuditSettings = route({
  method: 'PUT',
  path: '/api/hosts/:hostId/audit/settings',
  tags: ['audit'],
  summary: 'Change how long the audit trail keeps events (host admins); from 1 day to 10 years',
  params: hostParams,
  body: z.strictObject({ retentionDays: z.number().int().min(1).max(3650) }),
  response: auditSettings,
});
