import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { randomProblem } from '../test-support.ts';
import { solveBaseline } from './baseline.ts';
import { mdgpProblem, parseMdgp } from './instance.ts';
import { checkAssignment, createProblem, type GroupingProblem, objectiveOf } from './problem.ts';
import { solveGrouping } from './solver.ts';

const dataDir = resolve(import.meta.dirname, '../../../../../shared/data/mdgp');

/** True if no one-move (within bounds) or same-class swap improves the assignment. */
function isLocalOptimum(p: GroupingProblem, a: Int32Array): boolean {
  const base = objectiveOf(p, a);
  const tryIt = (b: Int32Array): boolean =>
    checkAssignment(p, b).length > 0 || objectiveOf(p, b) <= base + 1e-7;
  for (let i = 0; i < p.n; i++) {
    for (let g = 0; g < p.groupCount; g++) {
      const b = Int32Array.from(a);
      b[i] = g;
      if (!tryIt(b)) return false;
    }
    for (let j = i + 1; j < p.n; j++) {
      if (a[i] === a[j] || p.classOf[i] !== p.classOf[j]) continue;
      const b = Int32Array.from(a);
      b[i] = a[j]!;
      b[j] = a[i]!;
      if (!tryIt(b)) return false;
    }
  }
  return true;
}

/** Exact optimum with HiGHS: x_ig binary, y_ijg linearises x_ig * x_jg (both directions, weights may be negative). */
function exactOptimum(highs: Awaited<ReturnType<typeof loadHighs>>, p: GroupingProblem): number {
  const { n, groupCount: G, weights } = p;
  const obj: string[] = [];
  const rows: string[] = [];
  const bins: string[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(`${Array.from({ length: G }, (_, g) => `x${i}_${g}`).join(' + ')} = 1`);
    for (let g = 0; g < G; g++) bins.push(`x${i}_${g}`);
  }
  for (let g = 0; g < G; g++) {
    const sum = Array.from({ length: n }, (_, i) => `x${i}_${g}`).join(' + ');
    rows.push(`${sum} >= ${p.minCount[g]}`, `${sum} <= ${p.maxCount[g]}`);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const y = `y${i}_${j}_${g}`;
        obj.push(`${weights[i * n + j]! >= 0 ? '+' : '-'} ${Math.abs(weights[i * n + j]!)} ${y}`);
        rows.push(`${y} - x${i}_${g} <= 0`, `${y} - x${j}_${g} <= 0`, `${y} - x${i}_${g} - x${j}_${g} >= -1`);
        bins.push(y);
      }
    }
  }
  const lp = `Maximize\n obj: ${obj.join(' ')}\nSubject To\n${rows.map((r, k) => ` c${k}: ${r}`).join('\n')}\nBinary\n ${bins.join(' ')}\nEnd\n`;
  const result = highs.solve(lp, { output_flag: false });
  expect(result.Status).toBe('Optimal');
  return result.ObjectiveValue;
}

describe('solveGrouping on MDGPLIB', () => {
  const optima = readFileSync(join(dataDir, 'optima-n010-n012.txt'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/) as [string, string]);

  it('has the 120 proven optima to check', () => expect(optima).toHaveLength(120));

  it('finds every proven optimum for n = 10 and 12 within 200 rounds', () => {
    const missed: string[] = [];
    for (const [file, value] of optima) {
      const instance = parseMdgp(readFileSync(join(dataDir, file.split('_')[0]!, file), 'utf8'));
      const problem = mdgpProblem(instance);
      const result = solveGrouping(problem, { seed: 3, maxIterations: 200 });
      expect(checkAssignment(problem, result.assignment)).toEqual([]);
      if (Math.abs(result.objective - Number(value)) > 0.006)
        missed.push(`${file}: ${result.objective} vs ${value}`);
    }
    expect(missed).toEqual([]);
  });

  it('returns a feasible local optimum on a ds instance of n = 120 under a clock', () => {
    const problem = mdgpProblem(parseMdgp(readFileSync(join(dataDir, 'Geo/Geo_n120_ds_03.txt'), 'utf8')));
    let calls = 0;
    const result = solveGrouping(problem, { seed: 1, shouldStop: () => ++calls > 2000 });
    expect(checkAssignment(problem, result.assignment)).toEqual([]);
    expect(result.objective).toBeCloseTo(objectiveOf(problem, result.assignment), 6);
    const baseline = solveBaseline(problem, { seed: 1, maxRestarts: 3 });
    expect(checkAssignment(problem, baseline.assignment)).toEqual([]);
    expect(result.objective).toBeGreaterThan(baseline.objective);
  });
});

describe('solveGrouping properties', () => {
  const problems = fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      n: fc.integer({ min: 1, max: 14 }),
      groups: fc.integer({ min: 1, max: 4 }),
      negative: fc.boolean(),
    })
    .map(({ seed, n, groups, negative }) => ({
      seed,
      problem: randomProblem(seed, n, Math.min(groups, n), negative ? -50 : 0, 50, !negative),
    }));

  it('always returns a feasible, reproducible local optimum with the stated objective', () => {
    fc.assert(
      fc.property(problems, ({ seed, problem }) => {
        const a = solveGrouping(problem, { seed, maxIterations: 30 });
        const b = solveGrouping(problem, { seed, maxIterations: 30 });
        expect(checkAssignment(problem, a.assignment)).toEqual([]);
        expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
        expect(a.objective).toBeCloseTo(objectiveOf(problem, a.assignment), 6);
        expect(isLocalOptimum(problem, a.assignment)).toBe(true);
        const base = solveBaseline(problem, { seed, maxRestarts: 2 });
        expect(checkAssignment(problem, base.assignment)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('respects per-class bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const base = randomProblem(seed, 12, 3, -20, 20, true);
        const classOf = Int32Array.from({ length: 12 }, (_, i) => (i < 3 ? 1 : 0));
        const problem = createProblem({
          n: 12,
          groupCount: 3,
          weights: base.weights,
          classOf,
          bounds: [
            [
              [2, 4],
              [2, 4],
              [1, 5],
            ],
            [
              [1, 1],
              [1, 1],
              [1, 1],
            ],
          ],
        });
        const result = solveGrouping(problem, { seed, maxIterations: 30 });
        expect(checkAssignment(problem, result.assignment)).toEqual([]);
        expect(isLocalOptimum(problem, result.assignment)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('matches the exact optimum from HiGHS on tiny instances, negative scores included', async () => {
    const highs = await loadHighs();
    for (let seed = 1; seed <= 8; seed++) {
      const problem = randomProblem(seed, 6, 1 + (seed % 3), seed % 2 === 0 ? -30 : 0, 40, false);
      const exact = exactOptimum(highs, problem);
      const found = solveGrouping(problem, { seed, maxIterations: 300 });
      expect(found.objective).toBeCloseTo(exact, 5);
    }
  }, 30_000);

  it('shares the budget among several searches and stays reproducible', () => {
    const problem = mdgpProblem(
      parseMdgp(readFileSync(join(dataDir, 'RanInt/RanInt_n030_ds_02.txt'), 'utf8')),
    );
    let used = 0;
    const run = () => {
      used = 0;
      return solveGrouping(problem, {
        seed: 8,
        population: 3,
        maxIterations: 300,
        progress: () => used++ / 40,
      });
    };
    const a = run();
    expect(checkAssignment(problem, a.assignment)).toEqual([]);
    expect(Array.from(run().assignment)).toEqual(Array.from(a.assignment));
    expect(isLocalOptimum(problem, a.assignment)).toBe(true);
  });

  it('stops when asked and still returns a feasible assignment', () => {
    const problem = randomProblem(5, 200, 10);
    let calls = 0;
    const result = solveGrouping(problem, { seed: 1, shouldStop: () => ++calls > 5 });
    expect(calls).toBeLessThan(50);
    expect(checkAssignment(problem, result.assignment)).toEqual([]);
  });

  it('rejects an infeasible starting assignment and impossible bounds', () => {
    const problem = randomProblem(1, 6, 2);
    expect(() => solveGrouping(problem, { initial: [0, 0, 0, 0, 0, 0, 0] })).toThrow(/not feasible/);
    expect(() =>
      createProblem({
        n: 5,
        groupCount: 2,
        weights: new Float64Array(25),
        bounds: [
          [
            [1, 2],
            [1, 2],
          ],
        ],
      }),
    ).toThrow(/No assignment is possible/);
  });
});
