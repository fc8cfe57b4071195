import { describe, expect, it } from 'vitest';
import { createRng, shuffle } from './random.ts';

describe('createRng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
  });

  it('draws integers in range, roughly uniformly', () => {
    const rng = createRng(7);
    const counts = new Array(10).fill(0);
    let outside = 0;
    for (let k = 0; k < 100_000; k++) {
      const x = rng.int(10);
      if (x >= 0 && x < 10 && Number.isInteger(x)) counts[x] += 1;
      else outside += 1;
    }
    expect(outside).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('shuffles into a permutation', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    shuffle(xs, createRng(1));
    expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(xs).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
