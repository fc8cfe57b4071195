import type { LearningSet, RosterEntry } from '../../../contract/sets.ts';
import type { SetRole } from '../../../domain/access.ts';

export interface Participant {
  personId: string;
  name: string;
  jobRole: string;
  organisation: RosterEntry['organisation'];
  places: { setId: string; setName: string; role: SetRole }[];
}

/** Everyone on the programme's active set rosters, once each, by name. */
export function participants(sets: LearningSet[]): Participant[] {
  const byId = new Map<string, Participant>();
  for (const set of sets.filter((s) => !s.archived)) {
    for (const entry of set.roster) {
      const p = byId.get(entry.personId) ?? {
        personId: entry.personId,
        name: entry.name,
        jobRole: entry.jobRole,
        organisation: entry.organisation,
        places: [],
      };
      p.places.push({ setId: set.id, setName: set.name, role: entry.role });
      byId.set(entry.personId, p);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface OrganisationMix {
  id: string | null;
  name: string | null;
  people: number;
  sets: string[];
}

/** How many participants each organisation sends, and to which sets: the mix that makes sets work. */
export function organisationMix(list: Participant[]): OrganisationMix[] {
  const byOrg = new Map<string, OrganisationMix>();
  for (const p of list) {
    const key = p.organisation?.id ?? '';
    const row = byOrg.get(key) ?? {
      id: p.organisation?.id ?? null,
      name: p.organisation?.name ?? null,
      people: 0,
      sets: [],
    };
    row.people += 1;
    for (const place of p.places) if (!row.sets.includes(place.setName)) row.sets.push(place.setName);
    byOrg.set(key, row);
  }
  return [...byOrg.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
}
