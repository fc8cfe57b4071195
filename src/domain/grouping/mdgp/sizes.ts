/**
 * Group-size plans. With non-negative scores the objective grows roughly with the number of
 * within-group pairs, sum over groups of s(s-1)/2, so the search first fixes the group sizes to
 * the plans that maximise that count (moving between such plans one element at a time is nearly
 * impossible for a local search) and explores each.
 */

/** All size vectors (up to `limit`) maximising the number of within-group pairs, s_g in [min_g, max_g], sum = n. */
export function bestSizePlans(
  n: number,
  min: readonly number[],
  max: readonly number[],
  limit = 16,
): number[][] {
  const G = min.length;
  const NEG = Number.NEGATIVE_INFINITY;
  // best[g][t]: max pairs using groups g..G-1 to place exactly t elements.
  const best: Float64Array[] = Array.from({ length: G + 1 }, () => new Float64Array(n + 1).fill(NEG));
  best[G]![0] = 0;
  for (let g = G - 1; g >= 0; g--) {
    for (let t = 0; t <= n; t++) {
      let v = NEG;
      for (let s = min[g]!; s <= max[g]! && s <= t; s++) {
        const rest = best[g + 1]![t - s]!;
        if (rest !== NEG) v = Math.max(v, rest + (s * (s - 1)) / 2);
      }
      best[g]![t] = v;
    }
  }
  if (best[0]![n] === NEG) return [];
  const plans: number[][] = [];
  const plan: number[] = [];
  const walk = (g: number, t: number): void => {
    if (plans.length >= limit) return;
    if (g === G) {
      plans.push(plan.slice());
      return;
    }
    for (let s = max[g]!; s >= min[g]!; s--) {
      if (s > t) continue;
      const rest = best[g + 1]![t - s]!;
      if (rest !== NEG && rest + (s * (s - 1)) / 2 === best[g]![t]) {
        plan.push(s);
        walk(g + 1, t - s);
        plan.pop();
      }
    }
  };
  walk(0, n);
  return plans;
}
