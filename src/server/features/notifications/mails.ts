import type { Kysely, Transaction } from 'kysely';
import { formatMeetingTime } from '../../../domain/schedule/format.ts';
import type { AppContext } from '../../context.ts';
import { enqueueMail, type MailAttachment } from '../../mail/outbox.ts';
import { type DetailLine, renderNoticeMail } from '../../mail/templates.ts';
import type { Database } from '../../store/schema.ts';
import { buildCalendar, type CalendarMeeting, loadCalendarMeetings } from '../calendar/ics.ts';
import { loadPreferences, type NotificationKind, type Preferences, unsubscribeToken } from './preferences.ts';

type Db = Kysely<Database> | Transaction<Database>;

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

/** Everyone in the sets (members and facilitator), not archived, with what a mail needs to address them. */
export async function setRecipients(db: Db, setIds: string[]): Promise<Map<string, Recipient[]>> {
  const map = new Map<string, Recipient[]>(setIds.map((id) => [id, []]));
  if (!setIds.length) return map;
  const rows = await db
    .selectFrom('set_membership')
    .innerJoin('person', 'person.id', 'set_membership.person_id')
    .innerJoin('host', 'host.id', 'person.host_id')
    .select([
      'set_membership.set_id',
      'set_membership.role',
      'person.id',
      'person.name',
      'person.email',
      'person.language',
      'person.time_zone',
      'host.id as host_id',
      'host.name as host_name',
    ])
    .where('set_membership.set_id', 'in', setIds)
    .where('person.archived_at', 'is', null)
    .orderBy('person.name')
    .execute();
  for (const r of rows) map.get(r.set_id)!.push(toRecipient(r));
  return map;
}

export async function personRecipients(db: Db, personIds: string[]): Promise<Recipient[]> {
  if (!personIds.length) return [];
  const rows = await db
    .selectFrom('person')
    .innerJoin('host', 'host.id', 'person.host_id')
    .select([
      'person.id',
      'person.name',
      'person.email',
      'person.language',
      'person.time_zone',
      'host.id as host_id',
      'host.name as host_name',
    ])
    .where('person.id', 'in', personIds)
    .where('person.archived_at', 'is', null)
    .execute();
  return rows.map(toRecipient);
}

function toRecipient(r: {
  id: string;
  name: string;
  email: string;
  language: string;
  time_zone: string;
  host_id: string;
  host_name: string;
  role?: string;
}): Recipient {
  return {
    personId: r.id,
    name: r.name,
    email: r.email,
    language: r.language,
    timeZone: r.time_zone,
    hostId: r.host_id,
    hostName: r.host_name,
    ...(r.role ? { role: r.role } : {}),
  };
}

/** When and where, in the reader's zone first, then in the meeting's own zone if that differs. */
export function meetingDetails(ctx: AppContext, reader: Recipient, m: CalendarMeeting): string[] {
  const t = ctx.i18n.getFixedT(reader.language, 'mail');
  const lines = [t('schedule.when', { time: formatMeetingTime(m.startsAt, m.endsAt, reader.timeZone) })];
  if (m.timeZone !== reader.timeZone)
    lines.push(t('schedule.meetingZone', { time: formatMeetingTime(m.startsAt, m.endsAt, m.timeZone) }));
  if (m.place) lines.push(t('schedule.where', { place: m.place }));
  if (m.videoUrl) lines.push(t('schedule.online', { url: m.videoUrl }));
  return lines;
}

export const shortDate = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(iso));

/**
 * Queues one notice to one person, unless they turned that kind off; adds the one-click unsubscribe link
 * and List-Unsubscribe headers. Returns whether a mail was queued.
 */
export async function queueNotice(
  ctx: AppContext,
  db: Db,
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
  await enqueueMail(
    db,
    {
      ...rendered,
      hostId: to.hostId,
      to: to.email,
      attachments: notice.attachments,
      headers: {
        'List-Unsubscribe': `<${ctx.config.publicUrl}/api/unsubscribe/${token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    },
    ctx.now(),
  );
  return true;
}

export function icsAttachment(ctx: AppContext, name: string, meetings: CalendarMeeting[]): MailAttachment {
  return {
    filename: 'meeting.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: buildCalendar({ name, meetings, publicUrl: ctx.config.publicUrl }),
  };
}

/** Claims a ledger key; true when this caller is the first (and so the only one) to claim it. */
export async function claimLedger(
  db: Db,
  entry: { key: string; personId: string; meetingId: string | null; kind: string },
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('notification_ledger')
    .values({
      key: entry.key,
      person_id: entry.personId,
      meeting_id: entry.meetingId,
      kind: entry.kind,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return inserted.length === 1;
}

export const noticeKey = (meetingId: string, personId: string, sequence: number) =>
  `notice:${meetingId}:${personId}:${sequence}`;

/**
 * Tells each member of the set about a meeting's current state (new, changed or cancelled) with its .ics,
 * once per meeting version: the ledger key carries the meeting's SEQUENCE.
 */
export async function sendMeetingNotices(ctx: AppContext, db: Db, meetingIds: string[]): Promise<number> {
  const meetings = await loadCalendarMeetings(db as Kysely<Database>, { meetingIds });
  if (!meetings.length) return 0;
  const setOf = new Map(
    (await db.selectFrom('meeting').select(['id', 'set_id']).where('id', 'in', meetingIds).execute()).map(
      (r) => [r.id, r.set_id],
    ),
  );
  const recipients = await setRecipients(db, [...new Set(setOf.values())]);
  const prefs = await loadPreferences(
    db,
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
        db,
        {
          key: noticeKey(m.id, to.personId, m.sequence),
          personId: to.personId,
          meetingId: m.id,
          kind: template,
        },
        now,
      );
      if (!claimed) continue;
      const sent = await queueNotice(ctx, db, to, prefs.get(to.personId)!, {
        preference: template === 'meetingInvitation' ? 'invitations' : 'changes',
        template,
        vars: { setName: m.setName, date: shortDate(m.startsAt, to.timeZone) },
        details: meetingDetails(ctx, to, m),
        actionPath: '/upcoming',
        attachments: [icsAttachment(ctx, m.setName, [m])],
      });
      if (sent) queued++;
    }
  }
  return queued;
}
