import type { ProgrammeSummary } from '../../../contract/programmes.ts';
import { type Actor, abilitiesFor, type ProgrammeResource } from '../../../domain/access.ts';
import { nextStatuses, programmeClosed } from '../../../domain/programme-lifecycle.ts';
import type { DB } from '../../store/schema.ts';

export function presentProgramme(viewer: Actor, row: DB['programme']): ProgrammeSummary {
  const resource: ProgrammeResource = {
    type: 'programme',
    hostId: row.hostId,
    programmeId: row.id,
    programmeClosed: programmeClosed(row.status),
  };
  return {
    id: row.id,
    hostId: row.hostId,
    name: row.name,
    purpose: row.purpose,
    theme: row.theme,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    setSize: { min: row.minSetSize, max: row.maxSetSize },
    meetingCadence: row.meetingCadence ?? '',
    participation: row.participation ?? '',
    nextStatuses: [...nextStatuses[row.status]],
    archived: row.archivedAt !== null,
    closedAt: row.closedAt ?? null,
    contentErasedAt: row.contentErasedAt ?? null,
    abilities: abilitiesFor(viewer, resource),
  };
}
