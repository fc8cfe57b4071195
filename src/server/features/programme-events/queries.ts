import type { Kysely } from 'kysely';
import { precompiled } from '../../store/precompiled.ts';
import type { DB } from '../../store/schema.ts';
import type { CalendarMeeting } from '../calendar/ics.ts';
import { personRecipients, type Recipient } from '../notifications/mails.ts';

export const programmeEventUid = (eventId: string) => `programme-event-${eventId}@revans`;

const programmesOfPersonQuery = precompiled((db, p: { personId: string }) =>
  db
    .selectFrom('setMembership')
    .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
    .select('learningSet.programmeId')
    .distinct()
    .where('setMembership.personId', '=', p.personId)
    .where('learningSet.archivedAt', 'is', null),
);

/** The programmes whose events a person sees: those of the (not archived) sets they belong to. */
export async function programmesOfPerson(db: Kysely<DB>, personId: string): Promise<string[]> {
  return (await programmesOfPersonQuery.execute(db, { personId })).map((r) => r.programmeId);
}

const facilitatedEventsQuery = precompiled((db, p: { personId: string }) =>
  db
    .selectFrom('workshop')
    .select('eventId')
    .where('facilitatorId', '=', p.personId)
    .where('eventId', 'is not', null),
);

/** The events of dated workshops a person facilitates (a person of the host, perhaps in none of its sets). */
export async function facilitatedEventIds(db: Kysely<DB>, personId: string): Promise<string[]> {
  return (await facilitatedEventsQuery.execute(db, { personId })).map((r) => r.eventId!);
}

/** Everyone in the programme's sets (members and facilitators), each once. */
export async function programmeRecipients(db: Kysely<DB>, programmeId: string): Promise<Recipient[]> {
  const ids = await db
    .selectFrom('setMembership')
    .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
    .select('setMembership.personId')
    .distinct()
    .where('learningSet.programmeId', '=', programmeId)
    .where('learningSet.archivedAt', 'is', null)
    .execute();
  return personRecipients(
    db,
    ids.map((i) => i.personId),
  );
}

export type CalendarEvent = CalendarMeeting & { programmeId: string; title: string };

/**
 * Programme events in the shape buildCalendar wants: their own UID, the programme's name and the
 * event's title, the time in its zone, the place or link. Nothing else goes into an .ics.
 */
export async function loadCalendarEvents(
  db: Kysely<DB>,
  filter: { eventIds?: string[]; programmeIds?: string[] },
): Promise<CalendarEvent[]> {
  if ((filter.eventIds && !filter.eventIds.length) || (filter.programmeIds && !filter.programmeIds.length))
    return [];
  let query = db
    .selectFrom('programmeEvent')
    .innerJoin('programme', 'programme.id', 'programmeEvent.programmeId')
    .select([
      'programmeEvent.id',
      'programmeEvent.programmeId',
      'programme.name as setName',
      'programmeEvent.title',
      'programmeEvent.startsAt',
      'programmeEvent.endsAt',
      'programmeEvent.timeZone',
      'programmeEvent.place',
      'programmeEvent.videoUrl',
      'programmeEvent.status',
      'programmeEvent.sequence',
      'programmeEvent.updatedAt',
    ])
    .orderBy('programmeEvent.startsAt');
  if (filter.eventIds) query = query.where('programmeEvent.id', 'in', filter.eventIds);
  if (filter.programmeIds) query = query.where('programmeEvent.programmeId', 'in', filter.programmeIds);
  const rows = await query.execute();
  // The programme's name stands where a meeting has its set's name.
  return rows.map((r) => ({ ...r, uid: programmeEventUid(r.id), summary: `${r.setName}: ${r.title}` }));
}
