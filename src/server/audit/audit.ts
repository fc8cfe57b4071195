/**
 * Writing the audit trail. `audit(tx, event)` inserts one row with the caller's connection, so inside
 * `transact` the event commits or rolls back with the change it records. The trail holds names and facts,
 * never set content: details take only short scalars, and callers pass ids, roles and statuses.
 */
import type { Kysely } from 'kysely';
import { v7 as timeOrderedId } from 'uuid';
import type { AuditAction, AuditOutcome, AuditTargetType } from '../../contract/audit.ts';
import type { PersonActor } from '../../domain/access.ts';
import type { DB } from '../store/schema.ts';

export type AuditDetails = Record<string, string | number | boolean | null>;

interface AuditFacts {
  hostId: string | null;
  action: AuditAction;
  target?: { type: AuditTargetType; id: string; label?: string | null | undefined } | undefined;
  outcome?: AuditOutcome;
  details?: AuditDetails;
}

/**
 * Who acted. A signed-in person is passed whole (`by: actor`): their id and client address both come from
 * it. Otherwise the caller names them: a person not yet signed in, or null for Revans itself (the purge) or
 * someone unknown, with a label such as the address typed at sign-in. No promise-wide request context
 * carries the address, as that would cost every promise of every request a hook.
 */
type AuditActor =
  | { by: Pick<PersonActor, 'personId' | 'ip'>; actorId?: never; actorLabel?: never; ip?: never }
  | { by?: never; actorId: string | null; actorLabel?: string; ip?: string | null };

export type AuditInput = AuditFacts & AuditActor;

/** Long strings have no place in the trail: a detail is a fact (a role, a status), never a text. */
const maxDetailLength = 120;

function cleanDetails(details: AuditDetails | undefined): string {
  const out: AuditDetails = {};
  for (const [key, value] of Object.entries(details ?? {}))
    out[key] = typeof value === 'string' ? value.slice(0, maxDetailLength) : value;
  return JSON.stringify(out);
}

export function personLabel(person: { name: string; email: string }): string {
  return `${person.name} <${person.email}>`;
}

/** Records one event with the caller's connection (the transaction of the change, inside `transact`). */
export async function audit(ctx: { db: Kysely<DB>; now: () => Date }, event: AuditInput): Promise<void> {
  const actorId = event.by ? event.by.personId : event.actorId;
  const ip = event.by ? event.by.ip : event.ip;
  let actorLabel = event.actorLabel;
  if (actorLabel === undefined && actorId) {
    const person = await ctx.db
      .selectFrom('person')
      .select(['name', 'email'])
      .where('id', '=', actorId)
      .executeTakeFirst();
    actorLabel = person ? personLabel(person) : actorId;
  }
  await ctx.db
    .insertInto('auditEvent')
    .values({
      // Pages list the newest first and order events of the same millisecond by id: a time-ordered id
      // (monotonic within this process) keeps them in the order they were recorded.
      id: timeOrderedId(),
      hostId: event.hostId,
      at: ctx.now().toISOString(),
      actorPersonId: actorId,
      actorLabel: actorLabel ?? 'Revans',
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      targetLabel: event.target?.label ?? null,
      outcome: event.outcome ?? 'success',
      ip: ip ?? null,
      details: cleanDetails(event.details),
    })
    .execute();
}

/** What an erased person's name and address become in the audit trail. */
export const erasedLabel = 'a former member (erased)';

/**
 * Inside an erasure's transaction: the person's name and address leave the audit trail (as actor, as
 * target, and as the address typed at a failed sign-in); their id and what was done stay.
 */
export async function forgetInAudit(
  tx: { db: Kysely<DB> },
  person: { personId: string; email: string },
): Promise<void> {
  await tx.db.insertInto('auditPurgeGate').values({ id: 1 }).execute();
  await tx.db
    .updateTable('auditEvent')
    .set({ actorLabel: erasedLabel })
    .where((eb) =>
      eb.or([eb('actorPersonId', '=', person.personId), eb('actorLabel', '=', person.email.toLowerCase())]),
    )
    .execute();
  await tx.db
    .updateTable('auditEvent')
    .set({ targetLabel: erasedLabel })
    .where('targetId', '=', person.personId)
    .execute();
  await tx.db.deleteFrom('auditPurgeGate').execute();
}
