import type { Kysely } from 'kysely';
import type { NotificationKind } from '../../../contract/notifications.ts';
import { formatDay, meetingWhen, meetingWhenText, type Viewer } from '../../../domain/time/format.ts';
import type { AppContext } from '../../context.ts';
import { type MailAttachment, queueMail } from '../../mail/outbox.ts';
import { type DetailLine, renderNoticeMail } from '../../mail/templates.ts';
import type { DB } from '../../store/schema.ts';
import {
  buildCalendar,
  type CalendarMeeting,
  type CalendarReader,
  loadCalendarMeetings,
} from '../calendar/ics.ts';
import { loadPreferences, type Preferences, unsubscribeToken } from './preferences.ts';

export interface Recipient {
  personId: string;
  name: string;
  email: string;
  language: string;
  timeZone: string;
  hostId: string;
  hostName: string;
  role?: string;
}

const recipientColumns = [
  'person.id as personId',
  'person.name',
  'person.email',
  'person.language',
  'person.timeZone',
  'host.id as hostId',
  'host.name as hostName',
] as const;

/** Everyone in the sets (members and facilitator), not archived, with what a mail needs to address them. */
export async function setRecipients(db: Kysely<DB>, setIds: string[]): Promise<Map<string, Recipient[]>> {
  const map = new Map<string, Recipient[]>(setIds.map((id) => [id, []]));
  if (!setIds.length) return map;
  const rows = await db
    .selectFrom('setMembership')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .innerJoin('host', 'host.id', 'person.hostId')
    .select(['setMembership.setId', 'setMembership.role', ...recipientColumns])
    .where('setMembership.setId', 'in', setIds)
    .where('person.archivedAt', 'is', null)
    .orderBy('person.name')
    .execute();
  for (const { setId, role, ...recipient } of rows)
    map.get(setId)!.push({ ...recipient, ...(role ? { role } : {}) });
  return map;
}

export async function personRecipients(db: Kysely<DB>, personIds: string[]): Promise<Recipient[]> {
  if (!personIds.length) return [];
  return db
    .selectFrom('person')
    .innerJoin('host', 'host.id', 'person.hostId')
    .select(recipientColumns)
    .where('person.id', 'in', personIds)
    .where('person.archivedAt', 'is', null)
    .execute();
}

/** When and where, in the reader's zone first, then in the meeting's own zone if that differs. */
export function meetingDetails(ctx: AppContext, reader: Recipient, m: CalendarMeeting): string[] {
  const t = ctx.i18n.getFixedT(reader.language, 'mail');
  const lines = [t('schedule.when', { time: meetingWhenText(meetingWhen(m, reader), t) })];
  if (m.place) lines.push(t('schedule.where', { place: m.place }));
  if (m.videoUrl) lines.push(t('schedule.online', { url: m.videoUrl }));
  return lines;
}

/** The day of a meeting for a subject line, in the reader's zone and language: "Thu, 4 Mar 2027". */
export const shortDate = (iso: string, reader: Viewer) => formatDay(iso, reader);

/**
 * Queues one notice to one person, unless they turned that kind off; adds the one-click unsubscribe link
 * and List-Unsubscribe headers. Returns whether a mail was queued.
 */
export async function queueNotice(
  ctx: AppContext,
  to: Recipient,
  prefs: Preferences,
  notice: {
    preference: NotificationKind;
    template: string;
    vars: Record<string, string>;
    details: DetailLine[];
    actionPath: string;
    attachments?: MailAttachment[];
  },
): Promise<boolean> {
  if (prefs.disabled.includes(notice.preference)) return false;
  const t = ctx.i18n.getFixedT(to.language, 'mail');
  const token = unsubscribeToken(ctx.config.authSecret, to.personId, notice.preference);
  const rendered = renderNoticeMail(ctx.i18n, {
    kind: notice.template,
    language: to.language,
    vars: { name: to.name, hostName: to.hostName, zone: to.timeZone, ...notice.vars },
    details: notice.details,
    actionUrl: `${ctx.config.publicUrl}${notice.actionPath}`,
    unsubscribe: {
      url: `${ctx.config.publicUrl}/unsubscribe/${token}`,
      what: t(`schedule.kinds.${notice.preference}`),
    },
  });
  await queueMail(ctx, {
    ...rendered,
    hostId: to.hostId,
    to: to.email,
    attachments: notice.attachments,
    headers: {
      'List-Unsubscribe': `<${ctx.config.publicUrl}/api/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
  return true;
}

/** The .ics for a mail; its descriptions say when in the reader's own time and language. */
export function icsAttachment(
  ctx: AppContext,
  name: string,
  meetings: CalendarMeeting[],
  reader?: Viewer,
): MailAttachment {
  return {
    filename: 'meeting.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: buildCalendar({
      name,
      meetings,
      publicUrl: ctx.config.publicUrl,
      reader: calendarReader(ctx, reader),
    }),
  };
}

/** What an .ics needs to word its descriptions for one reader (none: no "when" line, as for anonymous feeds). */
export function calendarReader(ctx: AppContext, reader?: Viewer): CalendarReader | undefined {
  if (!reader) return undefined;
  const t = ctx.i18n.getFixedT(reader.language, 'mail');
  return { ...reader, t: (key, values) => t(key, values ?? {}) };
}

/** Claims a ledger key; true when this caller is the first (and so the only one) to claim it. */
export async function claimLedger(
  db: Kysely<DB>,
  entry: { key: string; personId: string; meetingId: string | null; kind: string },
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('notificationLedger')
    .values({ ...entry, createdAt: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return inserted.length === 1;
}

export const noticeKey = (meetingId: string, personId: string, sequence: number) =>
  `notice:${meetingId}:${personId}:${sequence}`;

/**
 * Tells each member of the set about a meeting's current state (new, changed or cancelled) with its .ics,
 * once per meeting version: the ledger key carries the meeting's SEQUENCE. Run it in the transaction
 * that changed the meetings (`transact`), so the mails exist exactly when the change does.
 */
export async function sendMeetingNotices(ctx: AppContext, meetingIds: string[]): Promise<number> {
  const meetings = await loadCalendarMeetings(ctx.db, { meetingIds });
  if (!meetings.length) return 0;
  const setOf = new Map(
    (await ctx.db.selectFrom('meeting').select(['id', 'setId']).where('id', 'in', meetingIds).execute()).map(
      (r) => [r.id, r.setId],
    ),
  );
  const recipients = await setRecipients(ctx.db, [...new Set(setOf.values())]);
  const prefs = await loadPreferences(
    ctx.db,
    [...recipients.values()].flat().map((r) => r.personId),
  );
  let queued = 0;
  const now = ctx.now();
  for (const m of meetings) {
    if (m.status !== 'scheduled' && m.status !== 'cancelled') continue;
    const template =
      m.status === 'cancelled'
        ? 'meetingCancelled'
        : m.sequence === 0
          ? 'meetingInvitation'
          : 'meetingChanged';
    for (const to of recipients.get(setOf.get(m.id)!) ?? []) {
      const claimed = await claimLedger(
        ctx.db,
        {
          key: noticeKey(m.id, to.personId, m.sequence),
          personId: to.personId,
          meetingId: m.id,
          kind: template,
        },
        now,
      );
      if (!claimed) continue;
      const sent = await queueNotice(ctx, to, prefs.get(to.personId)!, {
        preference: template === 'meetingInvitation' ? 'invitations' : 'changes',
        template,
        vars: { setName: m.setName, date: shortDate(m.startsAt, to) },
        details: meetingDetails(ctx, to, m),
        actionPath: '/upcoming',
        attachments: [icsAttachment(ctx, m.setName, [m], to)],
      });
      if (sent) queued++;
    }
  }
  return queued;
}
