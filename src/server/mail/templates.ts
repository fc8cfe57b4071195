import type { i18n } from 'i18next';
import { privateLink, setContent, unmarked } from './confidential.ts';
import type { OutgoingMail } from './outbox.ts';

/** Values from people and the database cannot open or close a confidential part of the mail. */
const cleanVars = (vars: Record<string, string>) =>
  Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, unmarked(v)]));

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface ActionMail {
  kind: 'invitation' | 'passwordReset';
  language: string;
  vars: Record<string, string>;
  actionUrl: string;
}

/** A mail with one call to action, as plain text and as simple, accessible HTML. */
export function renderActionMail(
  i18n: i18n,
  mail: ActionMail,
): Pick<OutgoingMail, 'subject' | 'text' | 'html' | 'kind'> {
  const t = i18n.getFixedT(mail.language, 'mail');
  const k = mail.kind;
  const vars = cleanVars(mail.vars);
  // The link signs the recipient in or resets their password: for the recipient's eyes only.
  const actionUrl = privateLink(mail.actionUrl);
  const subject = t(`${k}.subject`, vars);
  const paragraphs = [t(`${k}.greeting`, vars), t(`${k}.body`, vars)];
  const action = t(`${k}.action`, vars);
  const expiry = t(`${k}.expiry`, vars);
  const footer = t('footer', vars);
  const text = [...paragraphs, `${action}:\n${actionUrl}`, expiry, `--\n${footer}`].join('\n\n');
  const html = `<!doctype html><html lang="${escapeHtml(mail.language)}"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(actionUrl)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<p>${escapeHtml(expiry)}</p>
<hr><p style="font-size:13px;color:#52606d">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html, kind: k };
}

export type DetailLine = string | { setContent: string };

const detailText = (line: DetailLine) =>
  typeof line === 'string' ? unmarked(line) : setContent(line.setContent);

export interface NoticeMail {
  /** The catalogue section: subject, greeting, body, action. */
  kind: string;
  language: string;
  vars: Record<string, string>;
  /**
   * Lines after the body: times, places, actions, each already in the reader's own zone. A line that is
   * set content (a member's action, anything said in the set) is given as `{ setContent }`: only the
   * recipient reads it; every other view of the mail withholds it.
   */
  details: DetailLine[];
  actionUrl: string;
  /** One-click unsubscribe from this kind of mail. */
  unsubscribe?: { url: string; what: string } | undefined;
}

/** A notification with details and a call to action, as plain text and accessible HTML. */
export function renderNoticeMail(
  i18n: i18n,
  mail: NoticeMail,
): Pick<OutgoingMail, 'subject' | 'text' | 'html' | 'kind'> {
  const t = i18n.getFixedT(mail.language, 'mail');
  const k = mail.kind;
  const vars = cleanVars(mail.vars);
  // Deny by default: a notice's link may carry a token (an invitation, an application's private page),
  // so no view but the recipient's shows it.
  const actionUrl = privateLink(mail.actionUrl);
  const subject = t(`${k}.subject`, vars);
  const paragraphs = [t(`${k}.greeting`, vars), t(`${k}.body`, vars)];
  const details = mail.details.map(detailText);
  const action = t(`${k}.action`, vars);
  const footer = t('footer', vars);
  const unsubscribe = mail.unsubscribe
    ? {
        intro: t('schedule.unsubscribeIntro'),
        label: t('schedule.unsubscribe', { what: mail.unsubscribe.what }),
        url: privateLink(mail.unsubscribe.url),
      }
    : undefined;
  const text = [
    ...paragraphs,
    details.map((d) => `- ${d}`).join('\n'),
    `${action}:\n${actionUrl}`,
    `--\n${footer}${unsubscribe ? `\n${unsubscribe.intro}\n${unsubscribe.label}: ${unsubscribe.url}` : ''}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const html = `<!doctype html><html lang="${escapeHtml(mail.language)}"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${details.length ? `<ul>${details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : ''}
<p><a href="${escapeHtml(actionUrl)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<hr><p style="font-size:13px;color:#52606d">${escapeHtml(footer)}${
    unsubscribe
      ? `<br>${escapeHtml(unsubscribe.intro)} <a href="${escapeHtml(unsubscribe.url)}" style="color:#52606d">${escapeHtml(unsubscribe.label)}</a>`
      : ''
  }</p>
</body></html>`;
  return { subject, text, html, kind: k };
}
