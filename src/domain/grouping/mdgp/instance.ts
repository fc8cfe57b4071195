import { createProblem, type GroupingProblem } from './problem.ts';

/** An MDGPLIB instance: `M G ss|ds a1 b1 ... aG bG`, then `i j d_ij` lines (0-based, i < j). */
export interface MdgpInstance {
  readonly n: number;
  readonly groupCount: number;
  readonly type: 'ss' | 'ds';
  readonly minSize: readonly number[];
  readonly maxSize: readonly number[];
  /** Symmetric n*n matrix, zero diagonal. */
  readonly weights: Float64Array;
}

export class MdgpFormatError extends Error {
  override name = 'MdgpFormatError';
}

const fail = (line: number, message: string): never => {
  throw new MdgpFormatError(`Line ${line}: ${message}`);
};

/** Parses and validates MDGPLIB text. Every pair must be given exactly once. */
export function parseMdgp(text: string): MdgpInstance {
  // Only the header is split into lines; the pair lines are scanned in place.
  const headLines = text.slice(0, Math.min(text.length, 1 << 16)).split(/\r?\n/);
  let first = 0;
  while (first < headLines.length - 1 && headLines[first]!.trim() === '') first++;
  if (text.trim() === '') throw new MdgpFormatError('The file is empty.');
  const header = headLines[first]!.trim().split(/\s+/);
  const n = Number(header[0]);
  const G = Number(header[1]);
  const type = header[2];
  if (!Number.isInteger(n) || n < 1)
    fail(first + 1, `expected the number of elements first, got "${header[0]}".`);
  if (!Number.isInteger(G) || G < 1)
    fail(first + 1, `expected the number of groups second, got "${header[1]}".`);
  if (type !== 'ss' && type !== 'ds') fail(first + 1, `expected "ss" or "ds" third, got "${type ?? ''}".`);
  if (header.length !== 3 + 2 * G) {
    fail(first + 1, `expected ${2 * G} size bounds for ${G} groups, got ${header.length - 3}.`);
  }
  const minSize: number[] = [];
  const maxSize: number[] = [];
  for (let g = 0; g < G; g++) {
    const a = Number(header[3 + 2 * g]);
    const b = Number(header[4 + 2 * g]);
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || a > b) {
      fail(first + 1, `group ${g} has invalid size bounds "${header[3 + 2 * g]} ${header[4 + 2 * g]}".`);
    }
    minSize.push(a);
    maxSize.push(b);
  }
  const lo = minSize.reduce((s, a) => s + a, 0);
  const hi = maxSize.reduce((s, b) => s + b, 0);
  if (n < lo || n > hi)
    fail(first + 1, `${n} elements cannot fill groups whose sizes add up to between ${lo} and ${hi}.`);
  const weights = new Float64Array(n * n);
  const seen = new Uint8Array(n * n);
  let pairs = 0;
  // Hand-rolled scanner: instances hold up to ~n^2/2 lines, so per-line regexes are too slow.
  let pos = 0;
  let lineNo = 1;
  for (let k = 0; k <= first; k++) {
    const nl = text.indexOf('\n', pos);
    pos = nl < 0 ? text.length : nl + 1;
    lineNo = k + 2;
  }
  const len = text.length;
  const values = [0, 0, 0];
  while (pos < len) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = len;
    let count = 0;
    let k = pos;
    while (k < end) {
      let c = text.charCodeAt(k);
      while (k < end && (c === 32 || c === 9 || c === 13)) c = text.charCodeAt(++k);
      if (k >= end) break;
      const a = k;
      while (k < end && c !== 32 && c !== 9 && c !== 13) c = text.charCodeAt(++k);
      if (count < 3) values[count] = readNumber(text, a, k);
      count += 1;
    }
    if (count > 0) {
      if (count !== 3)
        fail(lineNo, `expected "i j d_ij", got "${text.slice(pos, end).trim().slice(0, 60)}".`);
      const [i, j, d] = values as [number, number, number];
      if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= n || j >= n || i === j) {
        const [ti, tj] = text.slice(pos, end).trim().split(/\s+/);
        fail(lineNo, `element indices must be distinct integers in 0..${n - 1}, got "${ti} ${tj}".`);
      }
      if (!Number.isFinite(d)) {
        fail(
          lineNo,
          `the score must be a finite number, got "${text.slice(pos, end).trim().split(/\s+/)[2]}".`,
        );
      }
      if (seen[i * n + j]) fail(lineNo, `the pair ${i} ${j} is given twice.`);
      seen[i * n + j] = 1;
      seen[j * n + i] = 1;
      weights[i * n + j] = d;
      weights[j * n + i] = d;
      pairs += 1;
    }
    pos = end + 1;
    lineNo += 1;
  }
  const expected = (n * (n - 1)) / 2;
  if (pairs !== expected)
    throw new MdgpFormatError(`Expected ${expected} pair lines for ${n} elements, found ${pairs}.`);
  return { n, groupCount: G, type: type as 'ss' | 'ds', minSize, maxSize, weights };
}

/** Parses text[a, b) as a number: a fast path for plain decimals, `Number` for anything else (NaN if invalid). */
function readNumber(text: string, a: number, b: number): number {
  let k = a;
  let sign = 1;
  if (text.charCodeAt(k) === 45) {
    sign = -1;
    k++;
  }
  let value = 0;
  let digits = 0;
  let c = 0;
  for (; k < b; k++, digits++) {
    c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
  }
  if (k === b) return digits > 0 && digits < 16 ? sign * value : Number(text.slice(a, b));
  if (c !== -2 || digits === 0) return Number(text.slice(a, b)); // not a '.': exponent, junk...
  let scale = 1;
  let frac = 0;
  for (k++; k < b; k++) {
    c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9 || scale > 1e14 || value > 1e14) return Number(text.slice(a, b));
    frac = frac * 10 + c;
    scale *= 10;
  }
  return (sign * (value * scale + frac)) / scale;
}

export function mdgpProblem(instance: MdgpInstance): GroupingProblem {
  return createProblem({
    n: instance.n,
    groupCount: instance.groupCount,
    weights: instance.weights,
    bounds: [instance.minSize.map((a, g) => [a, instance.maxSize[g]!] as const)],
  });
}

/** Groups as lists of element indices, in group order, each sorted. */
export function groupsOf(assignment: ArrayLike<number>, groupCount: number): number[][] {
  const groups: number[][] = Array.from({ length: groupCount }, () => []);
  for (let i = 0; i < assignment.length; i++) groups[assignment[i]!]!.push(i);
  return groups;
}
