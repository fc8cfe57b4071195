import { reportSet } from './explain.ts';
import { type Profile, profileOf } from './scores.ts';
import {
  type Assignment,
  defaultWeights,
  type FormationInput,
  type FormationResult,
  type Issue,
  type PreferenceWeights,
  type Severity,
} from './types.ts';
import { FormationInputError } from './validate.ts';

const severityRank: Record<Severity, number> = { hard: 0, strong: 1, preference: 2, notice: 3 };

export const isFacilitated = (input: FormationInput): boolean =>
  input.facilitated ?? input.participants.some((p) => p.facilitator === true);

export const boundsOf = (input: FormationInput): { min: number; max: number } =>
  input.sizeBounds ?? { min: 6, max: 8 };

/**
 * Scores and explains any assignment (the engine's or one edited by hand): per-set scores, what
 * each set meets and misses, every broken rule with the reason where one can be given.
 * Sets flagged `locked` are reported as locked.
 */
export function scoreAssignment(
  input: FormationInput,
  assignment: Assignment,
  options: { weights?: Partial<PreferenceWeights> } = {},
): FormationResult {
  const weights = { ...defaultWeights, ...options.weights };
  const facilitated = isFacilitated(input);
  const bounds = boundsOf(input);
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const names = new Map(input.participants.map((p) => [p.id, p.name ?? p.id]));
  const placed = new Set<string>();
  const profile = (id: string, asFacilitator: boolean): Profile => {
    const p = byId.get(id);
    if (!p) throw new FormationInputError(`The assignment names "${id}", who is not a participant.`);
    if (placed.has(id)) throw new FormationInputError(`"${id}" is placed in more than one set.`);
    placed.add(id);
    return profileOf(p, asFacilitator);
  };
  const sets = assignment.sets.map((set, index) =>
    reportSet({
      index,
      members: set.members.map((id) => profile(id, false)),
      facilitators: (set.facilitators ?? []).map((id) => profile(id, true)),
      names,
      weights,
      bounds,
      facilitated,
      locked: set.locked === true,
    }),
  );
  const unassigned = input.participants.filter((p) => !placed.has(p.id)).map((p) => p.id);
  const issues: Issue[] = sets.flatMap((s) => s.issues);
  const unplacedMembers = unassigned.filter((id) => !(facilitated && byId.get(id)!.facilitator));
  if (unplacedMembers.length > 0) {
    issues.push({
      severity: 'hard',
      rule: 'unassigned',
      participants: unplacedMembers,
      message: `${unplacedMembers.map((id) => names.get(id)).join(', ')} ${unplacedMembers.length === 1 ? 'is' : 'are'} in no set.`,
    });
  }
  explainCauses(input, assignment, issues);
  issues.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return {
    sets,
    unassigned,
    issues,
    score: Math.round(sets.reduce((s, x) => s + x.score, 0) * 1000) / 1000,
    hardViolations: issues.filter((i) => i.severity === 'hard').length,
    strongViolations: issues.filter((i) => i.severity === 'strong').length,
  };
}

/** Adds the reason to rule breaks that follow from the numbers (more people of one organisation than sets, ...). */
function explainCauses(input: FormationInput, assignment: Assignment, issues: Issue[]): void {
  const G = assignment.sets.length;
  const orgOf = new Map(input.participants.map((p) => [p.id, p.organisation.trim().toLowerCase()]));
  const orgLabel = new Map(
    input.participants.map((p) => [p.organisation.trim().toLowerCase(), p.organisation.trim()]),
  );
  const memberCount = new Map<string, number>();
  for (const s of assignment.sets)
    for (const id of s.members) memberCount.set(orgOf.get(id)!, (memberCount.get(orgOf.get(id)!) ?? 0) + 1);
  for (const issue of issues) {
    const who = issue.participants ?? [];
    if (issue.rule === 'same-organisation') {
      const org = orgOf.get(who[0]!)!;
      const k = memberCount.get(org) ?? 0;
      issue.message +=
        k > G
          ? ` Why: ${orgLabel.get(org)} has ${k} members for ${G} sets, so some set must take two.`
          : ' Why: keeping them apart would break a hard rule or the size bounds.';
    } else if (issue.rule === 'facilitator-organisation') {
      const org = orgOf.get(who[0]!)!;
      const everywhere = assignment.sets.every((s) => s.members.some((id) => orgOf.get(id) === org));
      issue.message += everywhere
        ? ` Why: every set has a member from ${orgLabel.get(org)}.`
        : ' Why: no other placement kept every hard rule within the size bounds.';
    } else if (issue.rule === 'must-avoid') {
      issue.message +=
        G <= 1
          ? ' Why: there is only one set.'
          : ' Why: no placement within the size bounds kept every pair apart.';
    } else if (issue.rule === 'facilitator-missing') {
      const f = input.participants.filter((p) => p.facilitator).length;
      if (f < G) issue.message += ` Why: ${f} facilitator${f === 1 ? '' : 's'} for ${G} sets.`;
    }
  }
}
