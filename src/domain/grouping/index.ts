/**
 * Set formation: the public API of the grouping engine (pure: no I/O, no clock, seeded randomness).
 *
 * - `formSets(input, options)` proposes sets for a programme (hard rules, strong preference,
 *   preferences, facilitators, locked sets) with scores and explanations.
 * - `scoreAssignment(input, assignment)` rescores any arrangement, e.g. after a hand edit.
 * - `solveGrouping(problem, options)` is the MDGP core; `parseMdgp` reads MDGPLIB instances.
 */
export { formSets, planSets, type SetPlan } from './formation/form-sets.ts';
export { scoreAssignment } from './formation/score-assignment.ts';
export type {
  Assignment,
  FormationInput,
  FormationOptions,
  FormationResult,
  Issue,
  IssueRule,
  Participant,
  Preference,
  PreferenceWeights,
  SetAssignment,
  SetReport,
  Severity,
} from './formation/types.ts';
export { defaultWeights, issueRules, preferences, severities } from './formation/types.ts';
export { FormationInputError, validateFormationInput } from './formation/validate.ts';
export { solveBaseline } from './mdgp/baseline.ts';
export { groupsOf, MdgpFormatError, type MdgpInstance, mdgpProblem, parseMdgp } from './mdgp/instance.ts';
export { checkAssignment, createProblem, type GroupingProblem, objectiveOf } from './mdgp/problem.ts';
export { type SolveOptions, type SolveResult, solveGrouping } from './mdgp/solver.ts';
export { createRng, type Rng } from './random.ts';
