import { createProblem, type GroupingProblem } from './mdgp/problem.ts';
import { createRng } from './random.ts';

/** A random feasible problem for tests: n elements, G groups, random bounds around n/G, weights in [lo, hi]. */
export function randomProblem(
  seed: number,
  n: number,
  G: number,
  lo = 0,
  hi = 100,
  integer = true,
): GroupingProblem {
  const rng = createRng(seed);
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = lo + (integer ? rng.int(hi - lo + 1) : rng.next() * (hi - lo));
      weights[i * n + j] = w;
      weights[j * n + i] = w;
    }
  }
  // Bounds: a base split of n, then widened at random.
  const base = Array.from({ length: G }, (_, g) => Math.floor(n / G) + (g < n % G ? 1 : 0));
  const bounds = base.map((s) => [Math.max(0, s - rng.int(3)), s + rng.int(3)] as const);
  return createProblem({ n, groupCount: G, weights, bounds: [bounds] });
}
