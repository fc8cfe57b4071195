import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { CalendarMeeting } from '../calendar/ics.ts';
import { personRecipients, type Recipient } from '../notifications/mails.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const programmeEventUid = (eventId: string) => `programme-event-${eventId}@revans`;

/** The programmes whose events a person sees: those of the (not archived) sets they belong to. */
export async function programmesOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('set_membership')
    .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
    .select('learning_set.programme_id')
    .distinct()
    .where('set_membership.person_id', '=', personId)
    .where('learning_set.archived_at', 'is', null)
    .execute();
  return rows.map((r) => r.programme_id);
}

/** Everyone in the programme's sets (members and facilitators), each once. */
export async function programmeRecipients(db: Db, programmeId: string): Promise<Recipient[]> {
  const ids = await db
    .selectFrom('set_membership')
    .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
    .select('set_membership.person_id')
    .distinct()
    .where('learning_set.programme_id', '=', programmeId)
    .where('learning_set.archived_at', 'is', null)
    .execute();
  return personRecipients(
    db,
    ids.map((i) => i.person_id),
  );
}

/**
 * Programme events in the shape buildCalendar wants: their own UID, the programme's name and the
 * event's title, the time in its zone, the place or link. Nothing else goes into an .ics.
 */
export async function loadCalendarEvents(
  db: Db,
  filter: { eventIds?: string[]; programmeIds?: string[] },
): Promise<(CalendarMeeting & { programmeId: string; title: string })[]> {
  if ((filter.eventIds && !filter.eventIds.length) || (filter.programmeIds && !filter.programmeIds.length))
    return [];
  let query = db
    .selectFrom('programme_event')
    .innerJoin('programme', 'programme.id', 'programme_event.programme_id')
    .select([
      'programme_event.id',
      'programme_event.programme_id',
      'programme.name as programme_name',
      'programme_event.title',
      'programme_event.starts_at',
      'programme_event.ends_at',
      'programme_event.time_zone',
      'programme_event.place',
      'programme_event.video_url',
      'programme_event.status',
      'programme_event.sequence',
      'programme_event.updated_at',
    ])
    .orderBy('programme_event.starts_at');
  if (filter.eventIds) query = query.where('programme_event.id', 'in', filter.eventIds);
  if (filter.programmeIds) query = query.where('programme_event.programme_id', 'in', filter.programmeIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    uid: programmeEventUid(r.id),
    summary: `${r.programme_name}: ${r.title}`,
    programmeId: r.programme_id,
    title: r.title,
    setName: r.programme_name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    place: r.place,
    videoUrl: r.video_url,
    status: r.status,
    sequence: r.sequence,
    updatedAt: r.updated_at,
  }));
}
