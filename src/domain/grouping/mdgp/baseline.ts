import { createRng } from '../random.ts';
import { type GroupingProblem, objectiveOf } from './problem.ts';
import type { SolveResult } from './solver.ts';
import { SearchState } from './state.ts';

export interface BaselineOptions {
  seed?: number;
  shouldStop?: () => boolean;
  /** Number of restarts when no `shouldStop` is given. Default 100. */
  maxRestarts?: number;
}

/**
 * The benchmark's baseline: random restarts, each followed by a first-improvement descent over
 * swaps (every pair scanned, O(1) gain per pair), keeping the best local optimum.
 */
export function solveBaseline(problem: GroupingProblem, options: BaselineOptions = {}): SolveResult {
  const rng = createRng(options.seed ?? 1);
  const { shouldStop } = options;
  const maxRestarts = options.maxRestarts ?? (shouldStop ? Number.POSITIVE_INFINITY : 100);
  const { n, classOf } = problem;
  const state = new SearchState(problem);
  let best: Int32Array | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  let restarts = 0;
  while (restarts < maxRestarts && !(best !== null && shouldStop?.())) {
    restarts += 1;
    state.randomize(rng);
    let improved = true;
    let stopped = false;
    while (improved && !stopped) {
      improved = false;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (state.group[i] !== state.group[j] && classOf[i] === classOf[j] && state.swapGain(i, j) > 1e-9) {
            state.swap(i, j);
            improved = true;
          }
        }
        if ((i & 31) === 0 && best !== null && shouldStop?.()) {
          stopped = true;
          break;
        }
      }
    }
    if (state.value > bestValue) {
      bestValue = state.value;
      best = Int32Array.from(state.group);
    }
  }
  const assignment = best ?? Int32Array.from(state.group);
  return { assignment, objective: objectiveOf(problem, assignment), iterations: restarts };
}
