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

/** What every mail with a call to action says, in the reader's language: subject, paragraphs, action, footer. */
function callToAction(
  i18n: i18n,
  mail: { kind: string; language: string; vars: Record<string, string>; actionUrl: string },
) {
  const t = i18n.getFixedT(mail.language, 'mail');
  const k = mail.kind;
  const vars = cleanVars(mail.vars);
  return {
    t,
    vars,
    // Deny by default: the link may sign the recipient in, reset their password or open a private page
    // (an invitation, an application's), so no view but the recipient's shows it.
    actionUrl: privateLink(mail.actionUrl),
    subject: t(`${k}.subject`, vars),
    paragraphs: [t(`${k}.greeting`, vars), t(`${k}.body`, vars)],
    action: t(`${k}.action`, vars),
    footer: t('footer', vars),
  };
}

/** The one look of every mail's HTML: `blocks` in order, one a line. */
const htmlMail = (language: string, blocks: string[]) =>
  `<!doctype html><html lang="${escapeHtml(language)}"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
${blocks.join('\n')}
</body></html>`;

const htmlParagraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

const htmlButton = (url: string, label: string) =>
  `<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;

const htmlFooter = (footer: string, after = '') =>
  `<hr><p style="font-size:13px;color:#52606d">${escapeHtml(footer)}${after}</p>`;

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
  const { t, vars, actionUrl, subject, paragraphs, action, footer } = callToAction(i18n, mail);
  const expiry = t(`${mail.kind}.expiry`, vars);
  const text = [...paragraphs, `${action}:\n${actionUrl}`, expiry, `--\n${footer}`].join('\n\n');
  const html = htmlMail(mail.language, [
    ...paragraphs.map(htmlParagraph),
    htmlButton(actionUrl, action),
    htmlParagraph(expiry),
    htmlFooter(footer),
  ]);
  return { subject, text, html, kind: mail.kind };
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
  const { t, actionUrl, subject, paragraphs, action, footer } = callToAction(i18n, mail);
  const details = mail.details.map(detailText);
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
  const html = htmlMail(mail.language, [
    ...paragraphs.map(htmlParagraph),
    details.length ? `<ul>${details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '',
    htmlButton(actionUrl, action),
    htmlFooter(
      footer,
      unsubscribe
        ? `<br>${escapeHtml(unsubscribe.intro)} <a href="${escapeHtml(unsubscribe.url)}" style="color:#52606d">${escapeHtml(unsubscribe.label)}</a>`
        : '',
    ),
  ]);
  return { subject, text, html, kind: mail.kind };
}
