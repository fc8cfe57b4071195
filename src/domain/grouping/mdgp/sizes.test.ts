import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestSizePlans } from './sizes.ts';

/** Every size vector with min <= s <= max and sum n, by brute force. */
function allPlans(n: number, min: number[], max: number[]): number[][] {
  const out: number[][] = [];
  const rec = (g: number, left: number, acc: number[]): void => {
    if (g === min.length) {
      if (left === 0) out.push(acc.slice());
      return;
    }
    for (let s = min[g]!; s <= max[g]! && s <= left; s++) rec(g + 1, left - s, [...acc, s]);
  };
  rec(0, n, []);
  return out;
}
const pairs = (plan: number[]): number => plan.reduce((t, s) => t + (s * (s - 1)) / 2, 0);

describe('bestSizePlans', () => {
  it('returns exactly the plans with the most within-group pairs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.nat(),
        (groups, pick) => {
          const min = groups.map(([a]) => a);
          const max = groups.map(([a, w]) => a + w);
          const lo = min.reduce((s, x) => s + x, 0);
          const hi = max.reduce((s, x) => s + x, 0);
          const n = lo + (pick % (hi - lo + 1));
          const all = allPlans(n, min, max);
          const best = Math.max(...all.map(pairs));
          const expected = all.filter((p) => pairs(p) === best).map((p) => p.join(','));
          const got = bestSizePlans(n, min, max, 1000).map((p) => p.join(','));
          expect(got.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns nothing when the sizes cannot add up to n', () => {
    expect(bestSizePlans(10, [1, 1], [3, 3])).toEqual([]);
  });
});
