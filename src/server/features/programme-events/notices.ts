import type { NotificationKind } from '../../../contract/notifications.ts';
import type { AppContext } from '../../context.ts';
import {
  claimLedger,
  icsAttachment,
  meetingDetails,
  noticeKey,
  queueNotice,
  type Recipient,
  shortDate,
} from '../notifications/mails.ts';
import { loadPreferences } from '../notifications/preferences.ts';
import { type CalendarEvent, loadCalendarEvents, programmeRecipients } from './queries.ts';

/** One ledger key per event version and person, as for meetings: each version is told once. */
const eventKey = (eventId: string, personId: string, sequence: number) =>
  noticeKey(`programme-event-${eventId}`, personId, sequence);

/**
 * The new event rides on the poll's result mail: its details and .ics, once per person (the ledger
 * key of version 0). Returns null when this person was already told.
 */
export async function eventAnnouncement(ctx: AppContext, event: CalendarEvent, to: Recipient) {
  const first = await claimLedger(
    ctx.db,
    {
      key: eventKey(event.id, to.personId, event.sequence),
      personId: to.personId,
      meetingId: null,
      kind: 'programmeEventAnnounced',
    },
    ctx.now(),
  );
  if (!first) return null;
  return {
    details: meetingDetails(ctx, to, event),
    attachments: [icsAttachment(ctx, event.setName, [event], to)],
  };
}

/**
 * Tells each of `people` not yet told of the event's current version about it, with its .ics, through the
 * same outbox and ledger as meeting notices: the ledger key is the event's, so nobody hears twice of the
 * same version, whoever tells them. Returns how many mails were queued.
 */
export async function tellOfEventVersion(
  ctx: AppContext,
  event: CalendarEvent,
  people: Recipient[],
  notice: { template: string; preference: NotificationKind; actionPath: string },
): Promise<number> {
  const prefs = await loadPreferences(
    ctx.db,
    people.map((p) => p.personId),
  );
  let queued = 0;
  for (const to of people) {
    const claimed = await claimLedger(
      ctx.db,
      {
        key: eventKey(event.id, to.personId, event.sequence),
        personId: to.personId,
        meetingId: null,
        kind: notice.template,
      },
      ctx.now(),
    );
    if (!claimed) continue;
    const sent = await queueNotice(ctx, to, prefs.get(to.personId)!, {
      preference: notice.preference,
      template: notice.template,
      vars: {
        title: event.title,
        programmeName: event.setName,
        date: shortDate(event.startsAt, to),
      },
      details: meetingDetails(ctx, to, event),
      actionPath: notice.actionPath,
      attachments: [icsAttachment(ctx, event.setName, [event], to)],
    });
    if (sent) queued++;
  }
  return queued;
}

/**
 * Tells everyone in the programme's sets about an event's current version (moved or cancelled) with
 * its .ics. Run it in the transaction that changed the event.
 */
export async function sendEventNotices(
  ctx: AppContext,
  eventId: string,
  { announce = false } = {},
): Promise<number> {
  const [event] = await loadCalendarEvents(ctx.db, { eventIds: [eventId] });
  if (!event) return 0;
  const template = announce
    ? 'programmeEventAnnounced'
    : event.status === 'cancelled'
      ? 'programmeEventCancelled'
      : 'programmeEventChanged';
  return tellOfEventVersion(ctx, event, await programmeRecipients(ctx.db, event.programmeId), {
    template,
    preference: announce ? 'invitations' : 'changes',
    actionPath: '/upcoming',
  });
}
