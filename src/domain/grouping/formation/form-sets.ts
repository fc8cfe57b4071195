import { createProblem } from '../mdgp/problem.ts';
import { solveGrouping } from '../mdgp/solver.ts';
import { boundsOf, isFacilitated, scoreAssignment } from './score-assignment.ts';
import { pairWeight, profileOf } from './scores.ts';
import {
  defaultWeights,
  type FormationInput,
  type FormationOptions,
  type FormationResult,
  type Issue,
  type Participant,
  type SetAssignment,
} from './types.ts';
import { validateLockedSets } from './validate.ts';

export interface SetPlan {
  sets: number;
  /** Member bounds used by the search (the input's, or relaxed when they cannot be met). */
  min: number;
  max: number;
  issues: Issue[];
}

/** Chooses how many sets to form: about (min+max)/2 members each, no more sets than facilitators when possible. */
export function planSets(
  members: number,
  bounds: { min: number; max: number },
  facilitators: number,
  requested?: number,
): SetPlan {
  const { min, max } = bounds;
  const lo = Math.max(1, Math.ceil(members / max));
  const hi = Math.floor(members / min);
  // With no feasible count (lo > hi), prefer sets slightly below the minimum to one oversized set.
  let sets =
    requested ?? (lo > hi ? lo : Math.min(hi, Math.max(lo, Math.round(members / ((min + max) / 2)))));
  if (requested === undefined && facilitators > 0 && facilitators < sets) sets = Math.max(lo, facilitators);
  sets = Math.max(1, Math.min(sets, members));
  if (sets * min <= members && members <= sets * max) return { sets, min, max, issues: [] };
  const relaxedMin = Math.min(min, Math.floor(members / sets));
  const relaxedMax = Math.max(max, Math.ceil(members / sets));
  const message =
    `${members} members cannot form ${sets === 1 ? 'a set' : `${sets} sets`} of ${min}-${max}` +
    `; the sets will have ${relaxedMin === relaxedMax ? relaxedMin : `${relaxedMin}-${relaxedMax}`} members instead.`;
  return {
    sets,
    min: relaxedMin,
    max: relaxedMax,
    issues: [{ severity: 'hard', rule: 'size-bounds', message }],
  };
}

/**
 * Proposes sets for a programme: hard rules (must-avoid pairs apart, no facilitator with a member
 * of their own organisation) and the strong preference (one member per organisation) enter the
 * search as large penalties, preferences as pair scores; the result is scored and explained by
 * `scoreAssignment`, so the explanation always describes the sets returned.
 * Deterministic for a given seed unless a clock-based `shouldStop` is passed.
 */
export function formSets(
  input: FormationInput,
  options: FormationOptions = {},
): FormationResult & { plan: SetPlan } {
  validateLockedSets(input, options);
  const weights = { ...defaultWeights, ...options.weights };
  const facilitated = isFacilitated(input);
  const locked = options.lockedSets ?? [];
  const lockedIds = new Set(locked.flatMap((s) => [...s.members, ...(s.facilitators ?? [])]));
  const free = input.participants.filter((p) => !lockedIds.has(p.id));
  const isFac = (p: Participant): boolean => facilitated && p.facilitator === true;
  const members = free.filter((p) => !isFac(p));
  const facilitators = free.filter(isFac);
  const requested =
    input.numberOfSets === undefined ? undefined : Math.max(1, input.numberOfSets - locked.length);
  const plan =
    members.length === 0
      ? { sets: 0, min: 0, max: 0, issues: [] }
      : planSets(members.length, boundsOf(input), facilitated ? facilitators.length : 0, requested);
  const formed: SetAssignment[] = [];
  if (plan.sets > 0) {
    const people = [...members, ...facilitators];
    const n = people.length;
    const G = plan.sets;
    const profiles = people.map((p) => profileOf(p, isFac(p)));
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const w = pairWeight(profiles[i]!, profiles[j]!, weights);
        matrix[i * n + j] = w;
        matrix[j * n + i] = w;
      }
    }
    const F = facilitators.length;
    const facBounds: [number, number] = F >= G ? [Math.floor(F / G), Math.ceil(F / G)] : [0, 1];
    const bounds = [Array.from({ length: G }, () => [plan.min, plan.max] as const)];
    if (F > 0) bounds.push(Array.from({ length: G }, () => facBounds));
    const problem = createProblem({
      n,
      groupCount: G,
      weights: matrix,
      classOf: Int32Array.from(people, (p) => (isFac(p) ? 1 : 0)),
      bounds,
    });
    const result = solveGrouping(problem, {
      seed: options.seed ?? 1,
      maxIterations: options.maxIterations ?? Math.max(100, Math.min(2000, Math.round(3e7 / (n * n)))),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    });
    for (let g = 0; g < G; g++) formed.push({ members: [], facilitators: [] });
    people.forEach((p, i) => {
      const set = formed[result.assignment[i]!]!;
      (isFac(p) ? set.facilitators! : set.members).push(p.id);
    });
  }
  const sets = [
    ...locked.map((s) => ({ ...s, locked: true })),
    ...formed.map((s) => ({ ...s, locked: false })),
  ];
  const report = scoreAssignment(input, { sets }, { weights });
  return {
    ...report,
    issues: [...plan.issues, ...report.issues],
    hardViolations: report.hardViolations + plan.issues.length,
    plan,
  };
}
