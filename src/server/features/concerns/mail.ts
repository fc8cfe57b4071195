/**
 * Telling the set about a proposal: each person in the set but its proposer gets a mail (unless they
 * turned such mails off). The statement is set content until the set agrees, so it is marked: only the
 * recipient reads it; the host admin's outbox withholds it.
 */
import { formatMeetingTime } from '../../../domain/schedule/format.ts';
import type { AppContext } from '../../context.ts';
import { queueNotice, type Recipient, setRecipients } from '../notifications/mails.ts';
import { loadPreferences } from '../notifications/preferences.ts';

export interface ProposalNotice {
  setId: string;
  setName: string;
  proposerId: string;
  statement: string;
  consentBy: string;
  kind: 'concernProposed' | 'concernChanged';
}

/** Read before the transaction opens: on SQLite a read outside it would wait for the one connection. */
export async function proposalAudience(ctx: AppContext, setId: string, proposerId: string) {
  const recipients = ((await setRecipients(ctx.db, [setId])).get(setId) ?? []).filter(
    (r) => r.personId !== proposerId,
  );
  const prefs = await loadPreferences(
    ctx.db,
    recipients.map((r) => r.personId),
  );
  return { recipients, prefs };
}

/** The deadline in the reader's own zone and language, e.g. "Thu, 4 Mar 2027, 09:30 (United Kingdom Time)". */
export function deadlineText(consentBy: string, timeZone: string, language = 'en'): string {
  return formatMeetingTime(consentBy, consentBy, timeZone, language);
}

/** Queues the mails in the caller's transaction (`tx`), so they exist exactly when the proposal does. */
export async function queueProposalMails(
  tx: AppContext,
  audience: Awaited<ReturnType<typeof proposalAudience>>,
  notice: ProposalNotice,
): Promise<number> {
  let queued = 0;
  for (const to of audience.recipients as Recipient[]) {
    const t = tx.i18n.getFixedT(to.language, 'mail');
    const sent = await queueNotice(tx, to, audience.prefs.get(to.personId)!, {
      preference: 'concerns',
      template: notice.kind,
      vars: { setName: notice.setName, deadline: deadlineText(notice.consentBy, to.timeZone, to.language) },
      details: [
        { setContent: notice.statement },
        t('concerns.deadlineLine', { deadline: deadlineText(notice.consentBy, to.timeZone, to.language) }),
      ],
      actionPath: `/sets/${notice.setId}#concerns`,
    });
    if (sent) queued++;
  }
  return queued;
}
