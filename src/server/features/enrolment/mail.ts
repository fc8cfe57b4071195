import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { type DetailLine, renderNoticeMail } from '../../mail/templates.ts';
import type { Database, DB } from '../../store/schema.ts';

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

/**
 * Queues an enrolment email on the executor given (the caller's transaction): it exists exactly when the
 * change does. Takes either naming of the executor, since features not yet on camelCase names use it too.
 */
export async function queueNotice(
  ctx: AppContext,
  db: Kysely<DB> | Kysely<Database>,
  notice: EnrolmentNotice,
) {
  const mail = renderNoticeMail(ctx.i18n, {
    kind: notice.kind,
    language: notice.to.language,
    vars: { name: notice.to.name, hostName: notice.hostName, ...notice.vars },
    details: notice.details ?? [],
    actionUrl: notice.actionUrl,
  });
  // enqueueMail writes snake_case names; withoutPlugins() gives them on the same connection either way.
  const plain = db.withoutPlugins() as Kysely<Database>;
  await enqueueMail(plain, { ...mail, hostId: notice.hostId, to: notice.to.email }, ctx.now());
}

/**
 * Issues a fresh account invitation for a person without an account (older links stop working), on the
 * executor ctx runs on (the caller's transaction); returns the link that lets them choose a password.
 */
export async function issueAccountInvitation(
  ctx: AppContext,
  personId: string,
  invitedBy: string | null,
): Promise<string> {
  const now = ctx.now();
  const token = newToken();
  await ctx.db
    .updateTable('invitation')
    .set({ expiresAt: now.toISOString() })
    .where('personId', '=', personId)
    .where('acceptedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .execute();
  await ctx.db
    .insertInto('invitation')
    .values({
      id: crypto.randomUUID(),
      personId,
      tokenHash: hashToken(token),
      invitedBy,
      expiresAt: new Date(now.getTime() + ctx.config.invitationTtlHours * 3_600_000).toISOString(),
      acceptedAt: null,
      createdAt: now.toISOString(),
    })
    .execute();
  return `${ctx.config.publicUrl}/invitation/${token}`;
}
