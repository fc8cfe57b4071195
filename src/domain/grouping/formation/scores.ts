import type { Participant, PreferenceWeights } from './types.ts';

/** Penalty per pair that breaks a hard rule (must-avoid; facilitator from a member's organisation). */
export const HARD_PENALTY = 1_000_000;
/** Penalty per pair of members from one organisation (a strong preference). */
export const STRONG_PENALTY = 1_000;

const norm = (s: string): string => s.trim().toLowerCase();
const normSet = (xs: readonly string[] | undefined): Set<string> =>
  new Set((xs ?? []).map(norm).filter((x) => x !== ''));

/** Participant data prepared once for fast pair scoring. */
export interface Profile {
  id: string;
  organisation: string;
  role: string;
  themes: Set<string>;
  languages: Set<string>;
  offset: number | undefined;
  availability: Set<string>;
  avoid: Set<string>;
  facilitator: boolean;
}

export function profileOf(p: Participant, asFacilitator: boolean): Profile {
  return {
    id: p.id,
    organisation: norm(p.organisation),
    role: norm(p.role ?? ''),
    themes: normSet(p.themes),
    languages: normSet(p.languages),
    offset: p.utcOffsetMinutes,
    availability: normSet(p.availability),
    avoid: new Set(p.mustAvoid ?? []),
    facilitator: asFacilitator,
  };
}

const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
};

const shares = (a: Set<string>, b: Set<string>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** Time-zone fit of two offsets: 1 within 2 h, falling to 0 at 8 h apart; 0 when unknown. */
export function timeZoneFit(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return 0;
  const hours = Math.abs(a - b) / 60;
  return hours <= 2 ? 1 : hours >= 8 ? 0 : (8 - hours) / 6;
}

/** Weighted preference scores of a pair; facilitators are matched on practicalities only. */
export function pairPreferences(a: Profile, b: Profile, w: PreferenceWeights): PreferenceWeights {
  const bothMembers = !a.facilitator && !b.facilitator;
  const anyMember = !a.facilitator || !b.facilitator;
  if (!anyMember) return { themes: 0, role: 0, timeZone: 0, language: 0, availability: 0 };
  return {
    themes: bothMembers ? w.themes * jaccard(a.themes, b.themes) : 0,
    role: bothMembers && a.role !== '' && a.role === b.role ? w.role : 0,
    timeZone: w.timeZone * timeZoneFit(a.offset, b.offset),
    language: shares(a.languages, b.languages) ? w.language : 0,
    availability: w.availability * jaccard(a.availability, b.availability),
  };
}

export const mustAvoid = (a: Profile, b: Profile): boolean => a.avoid.has(b.id) || b.avoid.has(a.id);

/** Score used by the search: preferences minus penalties for broken rules. */
export function pairWeight(a: Profile, b: Profile, w: PreferenceWeights): number {
  let penalty = mustAvoid(a, b) ? HARD_PENALTY : 0;
  if (a.organisation === b.organisation) {
    if (a.facilitator !== b.facilitator) penalty += HARD_PENALTY;
    else if (!a.facilitator) penalty += STRONG_PENALTY;
  }
  const p = pairPreferences(a, b, w);
  return p.themes + p.role + p.timeZone + p.language + p.availability - penalty;
}
