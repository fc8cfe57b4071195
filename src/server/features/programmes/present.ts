import { type Actor, abilitiesFor, type ProgrammeResource } from '../../../domain/access.ts';
import { nextStatuses } from '../../../domain/programme-lifecycle.ts';
import type { ProgrammeTable } from '../../store/schema.ts';

export function presentProgramme(viewer: Actor, row: ProgrammeTable) {
  const resource: ProgrammeResource = { type: 'programme', hostId: row.host_id, programmeId: row.id };
  return {
    id: row.id,
    hostId: row.host_id,
    name: row.name,
    purpose: row.purpose,
    theme: row.theme,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    setSize: { min: row.min_set_size, max: row.max_set_size },
    meetingCadence: row.meeting_cadence ?? '',
    participation: row.participation ?? '',
    nextStatuses: nextStatuses[row.status],
    archived: row.archived_at !== null,
    abilities: abilitiesFor(viewer, resource),
  };
}
