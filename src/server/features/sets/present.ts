import type { LearningSet, RosterWarning } from '../../../contract/sets.ts';
import { type Actor, abilitiesFor, can, type SetResource } from '../../../domain/access.ts';
import { setSizeWarning } from '../../../domain/programme.ts';
import { programmeClosed } from '../../../domain/programme-lifecycle.ts';
import type { DB } from '../../store/schema.ts';
import type { RosterEntry } from './queries.ts';

export type ProgrammeFacts = Pick<
  DB['programme'],
  'id' | 'name' | 'hostId' | 'minSetSize' | 'maxSetSize' | 'status'
>;

/** Facilitators are best not from a member's own organisation (METHOD.md, "Forming sets"). */
function rosterWarnings(roster: RosterEntry[]): RosterWarning[] {
  const warnings: RosterWarning[] = [];
  const members = roster.filter((r) => r.role === 'member');
  for (const facilitator of roster.filter((r) => r.role === 'facilitator')) {
    const clash = members.filter((m) => m.organisationId && m.organisationId === facilitator.organisationId);
    if (clash.length)
      warnings.push({
        kind: 'facilitator-same-organisation',
        people: [facilitator.name, ...clash.map((m) => m.name)],
      });
  }
  const byOrg = new Map<string, string[]>();
  for (const m of members)
    if (m.organisationId) byOrg.set(m.organisationId, [...(byOrg.get(m.organisationId) ?? []), m.name]);
  for (const names of byOrg.values())
    if (names.length > 1) warnings.push({ kind: 'shared-organisation', people: names });
  return warnings;
}

/** A set as one viewer may see it: its roster and settings; never its content (that lives elsewhere). */
export function presentSet(
  viewer: Actor,
  row: DB['learningSet'],
  programme: ProgrammeFacts,
  roster: RosterEntry[],
): LearningSet {
  const resource: SetResource = {
    type: 'set',
    hostId: programme.hostId,
    programmeId: programme.id,
    setId: row.id,
    selfFacilitated: row.mode === 'self_facilitated',
    programmeClosed: programmeClosed(programme.status),
  };
  const seesContacts = can(viewer, 'set.manageMembers', resource);
  const members = roster.filter((r) => r.role === 'member').length;
  const bounds = { min: programme.minSetSize, max: programme.maxSetSize };
  return {
    id: row.id,
    name: row.name,
    theme: row.theme,
    mode: row.mode,
    archived: row.archivedAt !== null,
    programme: { id: programme.id, name: programme.name, setSize: bounds },
    roster: roster.map((r) => ({
      personId: r.personId,
      name: r.name,
      role: r.role,
      jobRole: r.jobRole,
      organisation: r.organisationId ? { id: r.organisationId, name: r.organisationName ?? '' } : null,
      ...(seesContacts ? { email: r.email, hasAccount: r.hasAccount } : {}),
    })),
    memberCount: members,
    sizeWarning: setSizeWarning(members, bounds),
    warnings: seesContacts ? rosterWarnings(roster) : [],
    abilities: abilitiesFor(viewer, resource),
  };
}
