import type { AppContext } from '../../context.ts';
import { tellOfEventVersion } from '../programme-events/notices.ts';
import { loadCalendarEvents } from '../programme-events/queries.ts';
import { workshopRecipients } from './people.ts';

/**
 * Tells everyone about a workshop's current date with its .ics: the invitation when it is first set
 * directly; when it moves or is cancelled the programme event's notices tell the programme's sets, and
 * this tells a facilitator from outside them (`facilitatorOnly`). Run it in the transaction that dated
 * the workshop.
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
  const template =
    event.status === 'cancelled'
      ? 'programmeEventCancelled'
      : event.sequence === 0
        ? 'workshopInvitation'
        : 'programmeEventChanged';
  return tellOfEventVersion(ctx, event, people, {
    template,
    preference: template === 'workshopInvitation' ? 'invitations' : 'changes',
    actionPath: `/workshops/${workshopId}`,
  });
}
