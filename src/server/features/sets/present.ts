import { type Actor, abilitiesFor, can, type SetResource } from '../../../domain/access.ts';
import { setSizeWarning } from '../../../domain/programme.ts';
import type { LearningSetTable } from '../../store/schema.ts';
import type { RosterEntry } from './queries.ts';

interface ProgrammeFacts {
  id: string;
  name: string;
  host_id: string;
  min_set_size: number;
  max_set_size: number;
}

/** Facilitators are best not from a member's own organisation (METHOD.md, "Forming sets"). */
function rosterWarnings(roster: RosterEntry[]) {
  const warnings: { kind: 'facilitator-same-organisation' | 'shared-organisation'; people: string[] }[] = [];
  const members = roster.filter((r) => r.role === 'member');
  for (const facilitator of roster.filter((r) => r.role === 'facilitator')) {
    const clash = members.filter(
      (m) => m.organisation_id && m.organisation_id === facilitator.organisation_id,
    );
    if (clash.length)
      warnings.push({
        kind: 'facilitator-same-organisation',
        people: [facilitator.name, ...clash.map((m) => m.name)],
      });
  }
  const byOrg = new Map<string, string[]>();
  for (const m of members)
    if (m.organisation_id) byOrg.set(m.organisation_id, [...(byOrg.get(m.organisation_id) ?? []), m.name]);
  for (const names of byOrg.values())
    if (names.length > 1) warnings.push({ kind: 'shared-organisation', people: names });
  return warnings;
}

/** A set as one viewer may see it: its roster and settings; never its content (that lives elsewhere). */
export function presentSet(
  viewer: Actor,
  row: LearningSetTable,
  programme: ProgrammeFacts,
  roster: RosterEntry[],
) {
  const resource: SetResource = {
    type: 'set',
    hostId: programme.host_id,
    programmeId: programme.id,
    setId: row.id,
    selfFacilitated: row.mode === 'self_facilitated',
  };
  const seesContacts = can(viewer, 'set.manageMembers', resource);
  const members = roster.filter((r) => r.role === 'member').length;
  const bounds = { min: programme.min_set_size, max: programme.max_set_size };
  return {
    id: row.id,
    name: row.name,
    theme: row.theme,
    mode: row.mode,
    archived: row.archived_at !== null,
    programme: { id: programme.id, name: programme.name, setSize: bounds },
    roster: roster.map((r) => ({
      personId: r.person_id,
      name: r.name,
      role: r.role,
      jobRole: r.job_role,
      organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
      ...(seesContacts ? { email: r.email, hasAccount: r.has_account } : {}),
    })),
    memberCount: members,
    sizeWarning: setSizeWarning(members, bounds),
    warnings: seesContacts ? rosterWarnings(roster) : [],
    abilities: abilitiesFor(viewer, resource),
  };
}
