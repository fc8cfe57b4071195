import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { meetingWhen, meetingWhenText, type Translate, type Viewer } from '../../../domain/time/format.ts';
import type { DB, MeetingStatus } from '../../store/schema.ts';

/**
 * What a calendar needs about a meeting, and nothing more: no set content ever goes into an .ics, only
 * the set's name, the time in its zone, the place or link, and whether it is cancelled.
 */
export interface CalendarMeeting {
  id: string;
  setName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  videoUrl: string;
  status: MeetingStatus;
  sequence: number;
  updatedAt: string;
  /** A programme event brings its own UID and title; a meeting's come from its id and set name. */
  uid?: string;
  summary?: string;
}

export const meetingUid = (meetingId: string) => `meeting-${meetingId}@revans`;

export function meetingTitle(setName: string): string {
  return `Action learning set: ${setName}`;
}

/** Whose calendar it is: its descriptions then say when in their own time, in their language. */
export interface CalendarReader extends Viewer {
  t: Translate;
}

export function buildCalendar(options: {
  name: string;
  meetings: CalendarMeeting[];
  publicUrl: string;
  reader?: CalendarReader;
  /** REQUEST for a mailed invitation would need ORGANIZER/ATTENDEE; PUBLISH fits feeds and downloads. */
  method?: ICalCalendarMethod;
}): string {
  const cal = new ICalCalendar({
    name: options.name,
    prodId: { company: 'Revans', product: 'Revans', language: 'EN' },
    method: options.method ?? ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  for (const m of options.meetings) {
    const zone = m.timeZone;
    const location = [m.place, m.videoUrl].filter(Boolean).join(' · ');
    const reader = options.reader;
    const description = [
      reader ? reader.t('time.when.ics', { when: meetingWhenText(meetingWhen(m, reader), reader.t) }) : '',
      m.videoUrl ? `Join online: ${m.videoUrl}` : '',
      `Your meetings in Revans: ${options.publicUrl}/upcoming`,
    ]
      .filter(Boolean)
      .join('\n');
    cal.createEvent({
      id: m.uid ?? meetingUid(m.id),
      sequence: m.sequence,
      stamp: new Date(m.updatedAt),
      lastModified: new Date(m.updatedAt),
      start: DateTime.fromISO(m.startsAt, { zone: 'UTC' }).setZone(zone),
      end: DateTime.fromISO(m.endsAt, { zone: 'UTC' }).setZone(zone),
      timezone: zone,
      summary: m.summary ?? meetingTitle(m.setName),
      location: location || null,
      description,
      url: m.videoUrl || null,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** Meetings with their set's name, in the shape buildCalendar wants. */
export async function loadCalendarMeetings(
  db: Kysely<DB>,
  filter: { meetingIds?: string[]; setIds?: string[] },
): Promise<CalendarMeeting[]> {
  if ((filter.meetingIds && !filter.meetingIds.length) || (filter.setIds && !filter.setIds.length)) return [];
  let query = db
    .selectFrom('meeting')
    .innerJoin('learningSet', 'learningSet.id', 'meeting.setId')
    .select([
      'meeting.id',
      'learningSet.name as setName',
      'meeting.startsAt',
      'meeting.endsAt',
      'meeting.timeZone',
      'meeting.place',
      'meeting.videoUrl',
      'meeting.status',
      'meeting.sequence',
      'meeting.updatedAt',
    ])
    .orderBy('meeting.startsAt');
  if (filter.meetingIds) query = query.where('meeting.id', 'in', filter.meetingIds);
  if (filter.setIds) query = query.where('meeting.setId', 'in', filter.setIds);
  return query.execute();
}
