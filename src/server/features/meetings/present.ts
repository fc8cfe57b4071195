import { type Actor, abilitiesFor, can, type SetResource } from '../../../domain/access.ts';
import { utcToLocal } from '../../../domain/time-zones.ts';
import type { AttendanceStatus, MeetingTable } from '../../store/schema.ts';
import type { RosterEntry } from '../sets/queries.ts';

export interface AttendanceRow {
  person_id: string;
  status: AttendanceStatus;
  apology_note: string;
}

/**
 * A meeting's logistics and attendance. Apology notes are set content: only the set sees them;
 * coordinators see that apologies were sent, not why.
 */
export function presentMeeting(
  viewer: Actor,
  row: MeetingTable,
  set: SetResource,
  roster: RosterEntry[],
  attendance: AttendanceRow[],
) {
  const seesContent = can(viewer, 'set.readContent', set);
  const byPerson = new Map(attendance.map((a) => [a.person_id, a]));
  return {
    id: row.id,
    setId: row.set_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    localStart: utcToLocal(new Date(row.starts_at), row.time_zone),
    localEnd: utcToLocal(new Date(row.ends_at), row.time_zone),
    place: row.place,
    videoUrl: row.video_url,
    status: row.status,
    sequence: row.sequence,
    agenda: JSON.parse(row.agenda_json),
    attendance: roster.map((person) => {
      const entry = byPerson.get(person.personId);
      return {
        personId: person.personId,
        name: person.name,
        role: person.role,
        status: entry?.status ?? 'expected',
        ...(seesContent && entry?.apology_note ? { apologyNote: entry.apology_note } : {}),
      };
    }),
    expectedCount: roster.filter((p) => {
      const status = byPerson.get(p.personId)?.status ?? 'expected';
      return status === 'expected' || status === 'present';
    }).length,
    abilities: abilitiesFor(viewer, set),
  };
}
