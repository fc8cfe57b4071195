import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extend } from './objects.ts';

/**
 * Bytes the young generation moved to the old one while a loop built a million short-lived objects
 * with `build` (each kept only until the next but 63 replaces it), read from V8's own GC trace.
 */
function promotedBytes(build: string): number {
  const objects = path.resolve(import.meta.dirname, 'objects.ts');
  const program = `
    import { extend } from ${JSON.stringify(objects)};
    const base = { kind: 'person', personId: 'p1', hostId: 'h1', hostAdmin: false };
    const keep = [];
    for (let i = 0; i < 1e6; i++) keep[i & 63] = ${build};
  `;
  const run = spawnSync(
    process.execPath,
    ['--single-threaded-gc', '--trace-gc-nvp', '--import', 'tsx', '--input-type=module', '-e', program],
    { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  let promoted = 0;
  for (const line of run.stdout.split('\n')) {
    if (!line.includes('gc=s ')) continue;
    promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
  }
  return promoted;
}

describe('extend', () => {
  it('gives the object a spread would, later fields winning, and leaves the base as it was', () => {
    const base = { kind: 'person', personId: 'p1', ip: 'old' };
    expect(extend(base, { ip: '192.0.2.1', language: 'fr' })).toEqual({
      kind: 'person',
      personId: 'p1',
      ip: '192.0.2.1',
      language: 'fr',
    });
    expect(base).toEqual({ kind: 'person', personId: 'p1', ip: 'old' });
  });

  it('builds objects that die young, where a spread that adds a property does not', () => {
    // What the run promotes anyway (loading the module, the loop's own array), with a plain literal.
    const floor = promotedBytes(`({ kind: base.kind, personId: base.personId, ip: '192.0.2.1' })`);
    const spread = promotedBytes(`({ ...base, ip: '192.0.2.1' })`);
    const extended = promotedBytes(`extend(base, { ip: '192.0.2.1' })`);
    expect(
      spread - floor,
      'the spread no longer outlives its use on this Node: extend may have become unnecessary',
    ).toBeGreaterThan(50_000_000);
    expect(extended - floor, "extend's objects were moved to the old generation").toBeLessThan(1_000_000);
  }, 60_000);
});
