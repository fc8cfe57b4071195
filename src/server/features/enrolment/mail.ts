import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { type DetailLine, renderNoticeMail } from '../../mail/templates.ts';
import type { Database } from '../../store/schema.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface EnrolmentNotice {
  kind: string;
  hostId: string;
  hostName: string;
  to: { name: string; email: string; language: string };
  vars: Record<string, string>;
  details?: DetailLine[];
  actionUrl: string;
}

/** Queues an enrolment email in the caller's transaction: it exists exactly when the change does. */
export async function queueNotice(ctx: AppContext, trx: Kysely<Database>, notice: EnrolmentNotice) {
  const mail = renderNoticeMail(ctx.i18n, {
    kind: notice.kind,
    language: notice.to.language,
    vars: { name: notice.to.name, hostName: notice.hostName, ...notice.vars },
    details: notice.details ?? [],
    actionUrl: notice.actionUrl,
  });
  await enqueueMail(trx, { ...mail, hostId: notice.hostId, to: notice.to.email }, ctx.now());
}

/**
 * Issues a fresh account invitation for a person without an account (older links stop working), in the
 * caller's transaction; returns the link that lets them choose a password.
 */
export async function issueAccountInvitation(
  ctx: AppContext,
  trx: Transaction<Database>,
  personId: string,
  invitedBy: string | null,
): Promise<string> {
  const now = ctx.now();
  const token = newToken();
  await trx
    .updateTable('invitation')
    .set({ expires_at: now.toISOString() })
    .where('person_id', '=', personId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
  await trx
    .insertInto('invitation')
    .values({
      id: crypto.randomUUID(),
      person_id: personId,
      token_hash: hashToken(token),
      invited_by: invitedBy,
      expires_at: new Date(now.getTime() + ctx.config.invitationTtlHours * 3_600_000).toISOString(),
      accepted_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return `${ctx.config.publicUrl}/invitation/${token}`;
}
