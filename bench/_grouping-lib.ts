import { readFileSync, writeFileSync } from 'node:fs';

/** Reference values for MDGPLIB instances: proven optima, listed best-known values, best found by any run. */
export interface ReferenceEntry {
  optimum?: number;
  bestKnown?: number;
  found?: number;
  foundBy?: string;
}
export interface ReferenceTable {
  note: string;
  instances: Record<string, ReferenceEntry>;
}

export function loadReference(path: string, dataDir: string): ReferenceTable {
  let table: ReferenceTable;
  try {
    table = JSON.parse(readFileSync(path, 'utf8')) as ReferenceTable;
  } catch {
    table = {
      note: 'Reference values for bench/grouping.ts: optimum (proven, n <= 12), bestKnown (listed), found (best value any run has found; raised automatically).',
      instances: {},
    };
  }
  const entry = (name: string): ReferenceEntry => {
    table.instances[name] ??= {};
    return table.instances[name]!;
  };
  for (const line of readFileSync(`${dataDir}/optima-n010-n012.txt`, 'utf8').split('\n').slice(1)) {
    const [file, value] = line.trim().split(/\s+/);
    if (file && value) entry(file.replace(/\.txt$/, '')).optimum = Number(value);
  }
  for (const line of readFileSync(`${dataDir}/best-known-RanInt-ds.tsv`, 'utf8').split('\n').slice(1)) {
    const [name, value] = line.trim().split(/\t/);
    if (name && value) entry(name).bestKnown = Number(value);
  }
  return table;
}

export function referenceValue(e: ReferenceEntry | undefined): number | undefined {
  if (!e) return undefined;
  if (e.optimum !== undefined) return e.optimum;
  const v = Math.max(e.bestKnown ?? Number.NEGATIVE_INFINITY, e.found ?? Number.NEGATIVE_INFINITY);
  return Number.isFinite(v) ? v : undefined;
}

/** Records a value found by a run; returns true if it raised the table. */
export function recordFound(table: ReferenceTable, name: string, value: number, by: string): boolean {
  table.instances[name] ??= {};
  const e = table.instances[name]!;
  const rounded = Math.round(value * 100) / 100;
  if (e.optimum !== undefined) return false;
  if (e.found === undefined || rounded > e.found) {
    e.found = rounded;
    e.foundBy = by;
    return true;
  }
  return false;
}

export function saveReference(path: string, table: ReferenceTable): void {
  const sorted: Record<string, ReferenceEntry> = {};
  for (const k of Object.keys(table.instances).sort()) sorted[k] = table.instances[k]!;
  writeFileSync(path, `${JSON.stringify({ note: table.note, instances: sorted }, null, 1)}\n`);
}

/** Gap in percent of the reference (0 when the run matches or beats it). */
export function gapPercent(value: number, reference: number): number {
  return Math.max(0, ((reference - value) / Math.abs(reference)) * 100);
}

export const mean = (xs: number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
export const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/** Literature time limit per run, in seconds. */
export function timeLimitFor(n: number): number {
  if (n <= 60) return 1;
  if (n <= 120) return 3;
  if (n <= 240) return 20;
  if (n <= 480) return 120;
  return 600;
}

export interface InstanceId {
  name: string;
  set: string;
  n: number;
  type: string;
  index: number;
}

export function parseName(file: string): InstanceId | undefined {
  const m = /^(RanReal|RanInt|Geo)_n(\d+)_(ss|ds)_(\d+)(\.txt)?$/.exec(file);
  if (!m) return undefined;
  return { name: file.replace(/\.txt$/, ''), set: m[1]!, n: Number(m[2]), type: m[3]!, index: Number(m[4]) };
}

/** The default ~15-minute subset: see docs/performance.md. */
export function inDefaultSubset(id: InstanceId): boolean {
  if (id.n <= 12) return true;
  if (id.n <= 60) return id.index === 1;
  if (id.n === 120) return id.index <= 2;
  const pick: Record<string, string> = { RanReal: 'ss', RanInt: 'ds', Geo: 'ds' };
  if (id.n === 240) return id.index === 1 && pick[id.set] !== id.type;
  if (id.n === 480) return id.index === 1 && pick[id.set] === id.type;
  return false;
}
