import { createRng } from '../random.ts';
import { defaultIlsParameters, type IlsParameters, IteratedMaximaSearch } from './ils.ts';
import { Descent } from './local-search.ts';
import { checkAssignment, type GroupingProblem, objectiveOf, withBounds } from './problem.ts';
import { bestSizePlans } from './sizes.ts';
import { SearchState } from './state.ts';

export interface SolveOptions {
  /** Seed of the pseudo-random sequence; equal seeds and budgets give equal results. Default 1. */
  seed?: number;
  /** Called regularly; the search stops soon after it returns true (the caller owns the clock). */
  shouldStop?: () => boolean;
  /** Deterministic budget in search rounds. Default: unbounded with `shouldStop`, else 20 n (at least 2000). */
  maxIterations?: number;
  /** Optional feasible starting assignment; the search then keeps the sizes free. */
  initial?: ArrayLike<number>;
  /** Called whenever the best objective improves. */
  onImprove?: (objective: number) => void;
  /**
   * Fraction of the budget used so far, in [0, 1], when the caller knows it (e.g. elapsed / limit);
   * lets parallel searches be dropped on schedule.
   */
  progress?: () => number;
  /** Independent searches started per size plan. Default from the parameters. */
  population?: number;
  /** Override search parameters (for experiments). */
  parameters?: Partial<IlsParameters>;
}

export interface SolveResult {
  /** Group of each element. */
  assignment: Int32Array;
  objective: number;
  /** Search rounds performed. */
  iterations: number;
}

/**
 * Maximises the within-group score sum. With one class and non-negative scores the group sizes
 * are first fixed to the plans with the most within-group pairs (several plans share the budget by
 * successive halving); the best solution is then polished with one-moves under the true bounds.
 */
export function solveGrouping(problem: GroupingProblem, options: SolveOptions = {}): SolveResult {
  const rng = createRng(options.seed ?? 1);
  const shouldStop = options.shouldStop;
  const budget =
    options.maxIterations ?? (shouldStop ? Number.POSITIVE_INFINITY : Math.max(2000, 20 * problem.n));
  const params = { ...defaultIlsParameters, ...options.parameters };
  if (options.initial) {
    const errors = checkAssignment(problem, options.initial);
    if (errors.length > 0) throw new Error(`The initial assignment is not feasible: ${errors[0]}`);
  }
  const subproblems = options.initial ? [problem] : sizePlanProblems(problem);
  const population = Math.max(1, Math.round(options.population ?? params.population));
  let runners: IteratedMaximaSearch[] = [];
  for (let k = 0; k < population; k++) {
    for (const p of subproblems) {
      if (runners.length > 0 && shouldStop?.()) break;
      runners.push(new IteratedMaximaSearch(p, rng, params, options.initial, shouldStop));
    }
  }
  let best = Math.max(...runners.map((r) => r.best.value));
  options.onImprove?.(best);
  const onImprove = (v: number): void => {
    if (v > best) {
      best = v;
      options.onImprove?.(v);
    }
  };
  // The searches share the budget; the worst is dropped as the budget is used, so that a single
  // search has the last part (dynamic population size, after Yang et al. 2022). Without a known
  // budget the number of searches halves each time the batch doubles.
  const initialCount = runners.length;
  const progress = options.progress ?? (Number.isFinite(budget) ? () => used / budget : undefined);
  let used = 0;
  let batch = 32;
  let stopped = false;
  while (!stopped && used < budget) {
    for (const r of runners) {
      const before = r.iterations;
      stopped = !r.run(Math.min(batch, budget - used), shouldStop, onImprove);
      used += r.iterations - before;
      if (stopped || used >= budget) break;
    }
    if (runners.length === 1) {
      batch = Number.POSITIVE_INFINITY;
      continue;
    }
    const keep = progress
      ? Math.max(1, Math.ceil(initialCount * (1 - progress() / params.shrinkUntil)))
      : Math.ceil(runners.length / 2);
    if (keep < runners.length) {
      runners = [...runners].sort((a, b) => b.best.value - a.best.value).slice(0, keep);
    }
    if (!progress) batch *= 2;
  }
  const winner = runners.reduce((a, b) => (b.best.value > a.best.value ? b : a));
  const polished = new SearchState(problem);
  polished.load(winner.best.group);
  const descent = new Descent(polished);
  descent.touchAll();
  descent.run(shouldStop);
  const assignment = Int32Array.from(polished.group);
  return { assignment, objective: objectiveOf(problem, assignment), iterations: used };
}

/** The problem itself, or copies with sizes fixed to the best size plans when that is safe. */
function sizePlanProblems(problem: GroupingProblem): GroupingProblem[] {
  const { n, groupCount: G, weights, minCount, maxCount } = problem;
  if (problem.classCount !== 1) return [problem];
  let fixed = true;
  for (let g = 0; g < G; g++) if (minCount[g] !== maxCount[g]) fixed = false;
  if (fixed) return [problem];
  for (let k = 0; k < weights.length; k++) if (weights[k]! < 0) return [problem];
  const plans = bestSizePlans(n, Array.from(minCount), Array.from(maxCount), 4);
  if (plans.length === 0) return [problem];
  return plans.map((plan) => withBounds(problem, plan, plan));
}
