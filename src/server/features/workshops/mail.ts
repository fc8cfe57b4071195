import type { AppContext } from '../../context.ts';
import {
  claimLedger,
  icsAttachment,
  meetingDetails,
  noticeKey,
  queueNotice,
  shortDate,
} from '../notifications/mails.ts';
import { loadPreferences } from '../notifications/preferences.ts';
import { loadCalendarEvents } from '../programme-events/queries.ts';
import { workshopRecipients } from './people.ts';

/**
 * Tells everyone about a workshop's current date with its .ics: the invitation when it is first set
 * directly; when it moves or is cancelled the programme event's notices tell the programme's sets, and
 * this tells a facilitator from outside them (`facilitatorOnly`). One mail per person and version: the
 * ledger key is the programme event's, so nobody hears twice of the same version. Run it in the
 * transaction that dated the workshop.
 */
export async function sendWorkshopInvitations(
  ctx: AppContext,
  workshopId: string,
  options: { facilitatorOnly?: boolean } = {},
): Promise<number> {
  const workshop = await ctx.db
    .selectFrom('workshop')
    .select(['eventId', 'programmeId', 'facilitatorId'])
    .where('id', '=', workshopId)
    .executeTakeFirstOrThrow();
  if (!workshop.eventId) return 0;
  const [event] = await loadCalendarEvents(ctx.db, { eventIds: [workshop.eventId] });
  if (!event) return 0;
  let people = await workshopRecipients(ctx, workshop.programmeId, workshop.facilitatorId);
  if (options.facilitatorOnly) people = people.filter((p) => p.personId === workshop.facilitatorId);
  const prefs = await loadPreferences(
    ctx.db,
    people.map((p) => p.personId),
  );
  const template =
    event.status === 'cancelled'
      ? 'programmeEventCancelled'
      : event.sequence === 0
        ? 'workshopInvitation'
        : 'programmeEventChanged';
  let queued = 0;
  for (const to of people) {
    const claimed = await claimLedger(
      ctx.db,
      {
        key: noticeKey(`programme-event-${event.id}`, to.personId, event.sequence),
        personId: to.personId,
        meetingId: null,
        kind: template,
      },
      ctx.now(),
    );
    if (!claimed) continue;
    const sent = await queueNotice(ctx, to, prefs.get(to.personId)!, {
      preference: template === 'workshopInvitation' ? 'invitations' : 'changes',
      template,
      vars: {
        title: event.title,
        programmeName: event.setName,
        date: shortDate(event.startsAt, to),
      },
      details: meetingDetails(ctx, to, event),
      actionPath: `/workshops/${workshopId}`,
      attachments: [icsAttachment(ctx, event.setName, [event], to)],
    });
    if (sent) queued++;
  }
  return queued;
}
