import type { Language } from '../../../contract/enums.ts';
import type { Host, HostPatch, HostSettings, MailMessage, MailOutbox } from '../../../contract/hosts.ts';
import { abilitiesFor, type PersonActor } from '../../../domain/access.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import { forViewing } from '../../mail/confidential.ts';
import type { DB, MailStatus } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { hostResource } from '../resources.ts';

export function presentHostSettings(
  row: Pick<DB['host'], 'id' | 'name' | 'defaultTimeZone' | 'defaultLanguage'>,
): HostSettings {
  return {
    id: row.id,
    name: row.name,
    defaultTimeZone: row.defaultTimeZone,
    // Only ever written through the contract's language field.
    defaultLanguage: row.defaultLanguage as Language,
  };
}

export async function getHost(ctx: AppContext, actor: PersonActor, hostId: string): Promise<Host> {
  authorize(actor, 'host.read', hostResource(hostId));
  const host = await ctx.db.selectFrom('host').selectAll().where('id', '=', hostId).executeTakeFirst();
  if (!host) throw notFound('host');
  return { ...presentHostSettings(host), abilities: abilitiesFor(actor, hostResource(hostId)) };
}

export async function updateHost(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  patch: HostPatch,
): Promise<Host> {
  authorize(actor, 'host.update', hostResource(hostId));
  const before = await ctx.db.selectFrom('host').selectAll().where('id', '=', hostId).executeTakeFirst();
  if (!before) throw notFound('host');
  await transact(ctx, async (tx) => {
    await tx.db
      .updateTable('host')
      .set({
        updatedAt: ctx.now().toISOString(),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.defaultTimeZone !== undefined ? { defaultTimeZone: patch.defaultTimeZone } : {}),
        ...(patch.defaultLanguage !== undefined ? { defaultLanguage: patch.defaultLanguage } : {}),
      })
      .where('id', '=', hostId)
      .execute();
    // Which settings changed, from what to what (names, zones, languages: never set content).
    const details: Record<string, string> = {};
    for (const key of ['name', 'defaultTimeZone', 'defaultLanguage'] as const) {
      const value = patch[key];
      if (value !== undefined && value !== before[key]) {
        details[`${key}Before`] = before[key];
        details[key] = value;
      }
    }
    if (Object.keys(details).length)
      await audit(tx, {
        hostId,
        by: actor,
        action: 'host.settingsChanged',
        target: { type: 'host', id: hostId, label: patch.name ?? before.name },
        details,
      });
  });
  return getHost(ctx, actor, hostId);
}

/**
 * Every view of a mail but its delivery withholds set content and private links (a link would let the
 * reader act as the recipient, and so read set content), in the viewer's own language.
 */
async function mailViewer(ctx: AppContext, viewerId: string) {
  const viewer = await ctx.db
    .selectFrom('person')
    .select('language')
    .where('id', '=', viewerId)
    .executeTakeFirst();
  const t = ctx.i18n.getFixedT(viewer?.language ?? 'en', 'mail');
  const link = t('outboxView.privateLink');
  return {
    subject: (subject: string) => forViewing(subject, { content: t('outboxView.subject'), link }),
    body: (text: string, kind: string) =>
      forViewing(text, { content: t('outboxView.setContent'), link }, kind),
  };
}

/** Without an SMTP server a "sent" mail was only written to a file: the outbox says so, not "Sent". */
const shownStatus = (ctx: AppContext, status: MailStatus): MailStatus | 'written' =>
  status === 'sent' && !ctx.config.smtpUrl ? 'written' : status;

export async function listMail(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  limit: number,
): Promise<MailOutbox> {
  authorize(actor, 'host.readMailOutbox', hostResource(hostId));
  const view = await mailViewer(ctx, actor.personId);
  const rows = await ctx.db
    .selectFrom('mailOutbox')
    .select(['id', 'toAddress', 'subject', 'kind', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt'])
    .where('hostId', '=', hostId)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
  return {
    delivery: ctx.config.smtpUrl ? 'smtp' : 'files',
    mails: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      subject: view.subject(r.subject).text,
      kind: r.kind,
      status: shownStatus(ctx, r.status),
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
  };
}

export async function getMail(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  mailId: string,
): Promise<MailMessage> {
  authorize(actor, 'host.readMailOutbox', hostResource(hostId));
  const row = await ctx.db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('hostId', '=', hostId)
    .where('id', '=', mailId)
    .executeTakeFirst();
  if (!row) throw notFound('mail');
  const view = await mailViewer(ctx, actor.personId);
  const subject = view.subject(row.subject);
  const body = view.body(row.textBody, row.kind);
  return {
    id: row.id,
    to: row.toAddress,
    subject: subject.text,
    kind: row.kind,
    status: shownStatus(ctx, row.status),
    text: body.text,
    withheld: {
      setContent: subject.withheldContent + body.withheldContent,
      privateLinks: body.withheldLinks,
    },
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
