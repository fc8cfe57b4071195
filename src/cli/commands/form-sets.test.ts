import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticProgramme } from '../../domain/grouping/formation/synthetic.ts';
import { mdgpProblem, parseMdgp } from '../../domain/grouping/mdgp/instance.ts';
import { objectiveOf } from '../../domain/grouping/mdgp/problem.ts';
import { type Io, runFormSetsArgv } from './form-sets.ts';

const dataDir = resolve(import.meta.dirname, '../../../../shared/data/mdgp');

function capture(): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    progress: false,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

/** Checks the benchmark-mode output contract against the instance. */
function expectValid(file: string, json: { groups: number[][]; objective: number }): void {
  const instance = parseMdgp(readFileSync(file, 'utf8'));
  expect(json.groups).toHaveLength(instance.groupCount);
  json.groups.forEach((g, k) => {
    expect(g.length).toBeGreaterThanOrEqual(instance.minSize[k]!);
    expect(g.length).toBeLessThanOrEqual(instance.maxSize[k]!);
  });
  const all = json.groups.flat().sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: instance.n }, (_, i) => i));
  const assignment = new Int32Array(instance.n);
  json.groups.forEach((g, k) => {
    for (const i of g) assignment[i] = k;
  });
  expect(json.objective).toBeCloseTo(objectiveOf(mdgpProblem(instance), assignment), 4);
}

describe('revans form-sets --mdgp', () => {
  it('writes a valid assignment for a ds instance within the time limit', async () => {
    const file = join(dataDir, 'RanInt/RanInt_n480_ds_01.txt');
    const io = capture();
    const t0 = performance.now();
    const code = await runFormSetsArgv(['--mdgp', file, '--time-limit', '1', '--seed', '4'], io);
    expect(code).toBe(0);
    // The whole command (read, parse, search, write) must end within the limit plus 5 s; allow 4 s.
    expect(performance.now() - t0).toBeLessThan(1000 + 4000);
    expectValid(file, JSON.parse(io.out));
  }, 20_000);

  it('writes to --out and is reproducible for an ss instance', async () => {
    const file = join(dataDir, 'Geo/Geo_n030_ss_04.txt');
    const dir = mkdtempSync(join(tmpdir(), 'revans-'));
    const out = join(dir, 'out.json');
    const io = capture();
    expect(await runFormSetsArgv(['--mdgp', file, '--time-limit', '0.2', '--out', out], io)).toBe(0);
    expect(io.out).toBe('');
    expectValid(file, JSON.parse(readFileSync(out, 'utf8')));
  });

  it.each([
    [['--mdgp', 'missing.txt'], /Cannot read the MDGP instance "missing.txt": no such file\./],
    [['--mdgp', 'x', '--time-limit', '0'], /--time-limit must be a positive number/],
    [['--mdgp', 'x', '--seed', 'abc'], /--seed must be a whole number/],
    [[], /Give a participants file/],
    [['a.json', '--mdgp', 'x'], /not both/],
    [['--no-such-option'], /unknown option/],
  ])('rejects bad usage with exit code 2 and one sentence (%#)', async (argv, message) => {
    const io = capture();
    expect(await runFormSetsArgv(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });

  it('reports a malformed instance with its line number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revans-'));
    const file = join(dir, 'bad.txt');
    writeFileSync(file, '3 1 ss 3 3\n0 1 2\n0 2 oops\n1 2 1\n');
    const io = capture();
    expect(await runFormSetsArgv(['--mdgp', file], io)).toBe(2);
    expect(io.err).toMatch(/bad\.txt: Line 3: the score must be a finite number/);
  });
});

describe('revans form-sets participants.json', () => {
  it('writes proposed sets with scores and explanations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revans-'));
    const file = join(dir, 'participants.json');
    writeFileSync(file, JSON.stringify(syntheticProgramme(30, 7, 2)));
    const io = capture();
    expect(await runFormSetsArgv([file, '--seed', '2'], io)).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.sets.length).toBeGreaterThan(2);
    for (const set of result.sets) {
      expect(typeof set.score).toBe('number');
      expect(set.explanation).toMatch(/^Set \d+/);
    }
  });

  it('rejects invalid JSON and invalid participants with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revans-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "participants": [');
    const io = capture();
    expect(await runFormSetsArgv([bad], io)).toBe(2);
    expect(io.err).toMatch(/is not valid JSON/);
    writeFileSync(bad, JSON.stringify({ participants: [{ id: 'a' }] }));
    const io2 = capture();
    expect(await runFormSetsArgv([bad], io2)).toBe(2);
    expect(io2.err).toMatch(/"a" needs an "organisation"/);
  });
});
