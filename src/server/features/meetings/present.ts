import type { AttendanceStatus } from '../../../contract/enums.ts';
import type { Meeting } from '../../../contract/meetings.ts';
import { type Actor, abilitiesFor, can, type SetResource } from '../../../domain/access.ts';
import type { AgendaStage } from '../../../domain/meeting/agenda.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import type { DB } from '../../store/schema.ts';
import type { SetPerson } from './service.ts';

export interface AttendanceRow {
  personId: string;
  status: AttendanceStatus;
  apologyNote: string;
}

/** What a viewer may see and do in a set: the same for every meeting of a list, so worked out once for it. */
export interface SetView {
  seesContent: boolean;
  abilities: Meeting['abilities'];
}

export function setView(viewer: Actor, set: SetResource): SetView {
  return { seesContent: can(viewer, 'set.readContent', set), abilities: abilitiesFor(viewer, set) };
}

/**
 * A meeting's logistics and attendance. Apology notes are set content: only the set sees them;
 * coordinators see that apologies were sent, not why.
 */
export function presentMeeting(
  viewer: Actor,
  row: DB['meeting'],
  set: SetResource,
  roster: SetPerson[],
  attendance: AttendanceRow[],
  view: SetView = setView(viewer, set),
): Meeting {
  const { seesContent, abilities } = view;
  const byPerson = new Map(attendance.map((a) => [a.personId, a]));
  return {
    id: row.id,
    setId: row.setId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    localStart: localIn(row.startsAt, row.timeZone),
    localEnd: localIn(row.endsAt, row.timeZone),
    place: row.place,
    videoUrl: row.videoUrl,
    status: row.status,
    sequence: row.sequence,
    agenda: JSON.parse(row.agendaJson) as AgendaStage[],
    attendance: roster.map((person) => {
      const entry = byPerson.get(person.personId);
      return {
        personId: person.personId,
        name: person.name,
        role: person.role,
        status: entry?.status ?? 'expected',
        ...(seesContent && entry?.apologyNote ? { apologyNote: entry.apologyNote } : {}),
      };
    }),
    expectedCount: roster.filter((p) => {
      const status = byPerson.get(p.personId)?.status ?? 'expected';
      return status === 'expected' || status === 'present';
    }).length,
    abilities,
  };
}
