import type { i18n } from 'i18next';
import type { OutgoingMail } from './outbox.ts';

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
  const vars = mail.vars;
  const subject = t(`${k}.subject`, vars);
  const paragraphs = [t(`${k}.greeting`, vars), t(`${k}.body`, vars)];
  const action = t(`${k}.action`, vars);
  const expiry = t(`${k}.expiry`, vars);
  const footer = t('footer', vars);
  const text = [...paragraphs, `${action}:\n${mail.actionUrl}`, expiry, `--\n${footer}`].join('\n\n');
  const html = `<!doctype html><html lang="${escapeHtml(mail.language)}"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(mail.actionUrl)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<p>${escapeHtml(expiry)}</p>
<hr><p style="font-size:13px;color:#52606d">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html, kind: k };
}

export interface NoticeMail {
  /** The catalogue section: subject, greeting, body, action. */
  kind: string;
  language: string;
  vars: Record<string, string>;
  /** Lines after the body: times, places, actions, each already in the reader's own zone. */
  details: string[];
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
  const vars = mail.vars;
  const subject = t(`${k}.subject`, vars);
  const paragraphs = [t(`${k}.greeting`, vars), t(`${k}.body`, vars)];
  const action = t(`${k}.action`, vars);
  const footer = t('footer', vars);
  const unsubscribe = mail.unsubscribe
    ? {
        intro: t('schedule.unsubscribeIntro'),
        label: t('schedule.unsubscribe', { what: mail.unsubscribe.what }),
      }
    : undefined;
  const text = [
    ...paragraphs,
    mail.details.map((d) => `- ${d}`).join('\n'),
    `${action}:\n${mail.actionUrl}`,
    `--\n${footer}${unsubscribe ? `\n${unsubscribe.intro}\n${unsubscribe.label}: ${mail.unsubscribe!.url}` : ''}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const html = `<!doctype html><html lang="${escapeHtml(mail.language)}"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${mail.details.length ? `<ul>${mail.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : ''}
<p><a href="${escapeHtml(mail.actionUrl)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<hr><p style="font-size:13px;color:#52606d">${escapeHtml(footer)}${
    unsubscribe
      ? `<br>${escapeHtml(unsubscribe.intro)} <a href="${escapeHtml(mail.unsubscribe!.url)}" style="color:#52606d">${escapeHtml(unsubscribe.label)}</a>`
      : ''
  }</p>
</body></html>`;
  return { subject, text, html, kind: k };
}
