import type { Rng } from '../random.ts';
import { Descent } from './local-search.ts';
import type { GroupingProblem } from './problem.ts';
import { SearchState } from './state.ts';

/** Tunable parameters of the iterated maxima search. */
export interface IlsParameters {
  /** Weak perturbation: 1..weakMax random swaps/moves. */
  weakMax: number;
  /** Consecutive rounds that do not improve on the previous local optimum before a strong perturbation. */
  depth: number;
  /** Strong perturbation strength, as fractions of n. */
  strongMin: number;
  strongMax: number;
  /** Independent searches at the start (per size plan). */
  population: number;
  /** Fraction of the budget by which the population has shrunk to one search. */
  shrinkUntil: number;
}

export const defaultIlsParameters: IlsParameters = {
  weakMax: 3,
  depth: 10,
  strongMin: 0.05,
  strongMax: 0.15,
  population: 1,
  shrinkUntil: 0.5,
};

/**
 * Iterated maxima search (after Lai & Hao 2016), resumable so that several searches can share a
 * budget. The walk moves from local optimum to local optimum: weak perturbation, then descent,
 * always continuing from the new optimum; after `depth` consecutive rounds that do not improve on
 * the previous optimum, the walk restarts from the overall best solution under a strong perturbation.
 */
export class IteratedMaximaSearch {
  readonly problem: GroupingProblem;
  readonly best: SearchState;
  private readonly state: SearchState;
  private readonly descent: Descent;
  private readonly rng: Rng;
  private readonly params: IlsParameters;
  private stale = 0;
  iterations = 0;

  constructor(
    problem: GroupingProblem,
    rng: Rng,
    params: IlsParameters,
    initial?: ArrayLike<number>,
    shouldStop?: () => boolean,
  ) {
    this.problem = problem;
    this.rng = rng;
    this.params = params;
    this.state = new SearchState(problem);
    this.best = new SearchState(problem);
    this.descent = new Descent(this.state);
    if (initial) this.state.load(initial);
    else this.state.randomize(rng);
    this.descent.touchAll();
    this.descent.run(shouldStop);
    this.descent.record();
    this.best.copyFrom(this.state);
  }

  private eps(): number {
    return 1e-9 * Math.max(1, Math.abs(this.best.value));
  }

  /** Runs up to `count` rounds; returns false if `shouldStop` ended it early. */
  run(count: number, shouldStop?: () => boolean, onImprove?: (value: number) => void): boolean {
    const { state, descent, rng, params } = this;
    const n = this.problem.n;
    const strongMin = Math.max(3, Math.round(n * params.strongMin));
    const strongMax = Math.max(strongMin + 1, Math.round(n * params.strongMax));
    for (let k = 0; k < count; k++) {
      if (shouldStop?.()) return false;
      this.iterations += 1;
      const before = state.value;
      descent.record();
      perturb(state, descent, rng, 1 + rng.int(params.weakMax));
      if (!descent.run(shouldStop)) {
        descent.rollback();
        return false;
      }
      const eps = this.eps();
      if (state.value > before + eps) {
        this.stale = 0;
        if (state.value > this.best.value + eps) {
          this.best.copyFrom(state);
          onImprove?.(state.value);
        }
      } else if (++this.stale >= params.depth) {
        this.stale = 0;
        state.copyFrom(this.best);
        descent.touchAll();
        perturb(state, descent, rng, strongMin + rng.int(strongMax - strongMin + 1));
        if (!descent.run(shouldStop)) return false;
      }
    }
    return true;
  }
}

/** Applies `count` random feasible changes: swaps, and one-moves where the bounds leave room. */
export function perturb(state: SearchState, descent: Descent, rng: Rng, count: number): void {
  const { n, groupCount: G, classOf } = state.problem;
  if (G < 2) return;
  for (let done = 0, tries = 0; done < count && tries < 20 * count; tries++) {
    const i = rng.int(n);
    const gi = state.group[i]!;
    if (rng.int(2) === 0) {
      const h = (gi + 1 + rng.int(G - 1)) % G;
      if (state.canMove(i, h)) {
        descent.move(i, h);
        done += 1;
        continue;
      }
    }
    const j = rng.int(n);
    if (state.group[j] !== gi && classOf[j] === classOf[i]) {
      descent.swap(i, j);
      done += 1;
    }
  }
}
