import { dueReminders } from '../../../domain/schedule/reminders.ts';
import { formatRelative } from '../../../domain/time/format.ts';
import type { AppContext } from '../../context.ts';
import { transact } from '../../transact.ts';
import { claimLedger, meetingDetails, queueNotice } from '../notifications/mails.ts';
import { loadPreferences, reminderPreferences } from '../notifications/preferences.ts';
import { loadCalendarEvents } from '../programme-events/queries.ts';
import { workshopRecipients } from './people.ts';

/** Reminders are looked for this far ahead (as for meetings: the largest offset is 14 days). */
const horizonMs = 15 * 24 * 3_600_000;

/**
 * Reminders before workshops, by the same rules and personal settings as meeting reminders (offsets,
 * "reminders" turned off): to the programme's participants and the facilitator, except those who said
 * they are not coming. Each is claimed in the "sent" ledger, so it goes out once across processes.
 */
export async function workshopReminders(ctx: AppContext) {
  const now = ctx.now();
  const rows = await ctx.db
    .selectFrom('workshop')
    .innerJoin('programmeEvent', 'programmeEvent.id', 'workshop.eventId')
    .select([
      'workshop.id',
      'workshop.programmeId',
      'workshop.facilitatorId',
      'programmeEvent.id as eventId',
      'programmeEvent.startsAt',
      'programmeEvent.updatedAt',
    ])
    .where('programmeEvent.status', '=', 'scheduled')
    .where('programmeEvent.startsAt', '>', now.toISOString())
    .where('programmeEvent.startsAt', '<=', new Date(now.getTime() + horizonMs).toISOString())
    .execute();
  let queued = 0;
  for (const w of rows) {
    const declined = new Set(
      (
        await ctx.db
          .selectFrom('workshopRsvp')
          .select('personId')
          .where('workshopId', '=', w.id)
          .where('answer', '=', 'notComing')
          .execute()
      ).map((r) => r.personId),
    );
    const people = (await workshopRecipients(ctx, w.programmeId, w.facilitatorId)).filter(
      (p) => !declined.has(p.personId),
    );
    const prefs = await loadPreferences(
      ctx.db,
      people.map((p) => p.personId),
    );
    const due = dueReminders(
      now,
      { meetingId: w.eventId, startsAt: w.startsAt, scheduledAt: w.updatedAt },
      people.map((p) => ({
        personId: p.personId,
        // Only the reminder itself: the open-actions nudge is about a set's report-back.
        preferences: { ...reminderPreferences(prefs.get(p.personId)!), actionsNudge: false },
      })),
    );
    if (!due.length) continue;
    const [event] = await loadCalendarEvents(ctx.db, { eventIds: [w.eventId] });
    for (const d of due) {
      const to = people.find((p) => p.personId === d.personId)!;
      const sent = await transact(ctx, async (tx) => {
        const key = `workshop-reminder:${w.id}:${d.personId}:${d.offsetMinutes}:${d.startsAt}`;
        if (
          !(await claimLedger(
            tx.db,
            { key, personId: d.personId, meetingId: null, kind: 'workshopReminder' },
            now,
          ))
        )
          return false;
        return queueNotice(tx, to, prefs.get(to.personId)!, {
          preference: 'reminders',
          template: 'workshopReminder',
          vars: {
            title: event!.title,
            programmeName: event!.setName,
            when: formatRelative(event!.startsAt, now, to),
          },
          details: meetingDetails(ctx, to, event!),
          actionPath: `/workshops/${w.id}`,
        });
      });
      if (sent) queued++;
    }
  }
  return queued;
}
