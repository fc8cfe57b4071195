import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { type DetailLine, renderNoticeMail } from '../../mail/templates.ts';
import type { Database, DB } from '../../store/schema.ts';

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
