/**
 * The general grouping problem solved by the engine: partition `n` elements into `groupCount`
 * groups, maximising the sum of `weights[i * n + j]` over pairs i < j that share a group.
 *
 * Elements belong to classes (for set formation: members and facilitators); each group holds
 * between `minCount[c * groupCount + g]` and `maxCount[c * groupCount + g]` elements of class c.
 * The plain MDGP has one class whose bounds are the group size bounds.
 */
export interface GroupingProblem {
  readonly n: number;
  readonly groupCount: number;
  /** Symmetric n*n matrix, row-major, zero diagonal. Weights may be negative (penalties). */
  readonly weights: Float64Array;
  readonly classCount: number;
  /** Class of each element, in [0, classCount). */
  readonly classOf: Int32Array;
  readonly minCount: Int32Array;
  readonly maxCount: Int32Array;
}

export interface ProblemSpec {
  n: number;
  groupCount: number;
  weights: Float64Array;
  /** Defaults to a single class. */
  classOf?: Int32Array;
  /** Per class, per group: bounds[c][g] = [min, max]. */
  bounds: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/** Builds a problem and checks that it is well formed and has at least one feasible assignment. */
export function createProblem(spec: ProblemSpec): GroupingProblem {
  const { n, groupCount: G, weights } = spec;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`The number of elements must be a positive integer, got ${n}.`);
  if (!Number.isInteger(G) || G < 1)
    throw new Error(`The number of groups must be a positive integer, got ${G}.`);
  if (weights.length !== n * n)
    throw new Error(`The weight matrix must have ${n * n} entries, got ${weights.length}.`);
  const classCount = spec.bounds.length;
  if (classCount < 1) throw new Error('At least one class of elements is needed.');
  const classOf = spec.classOf ?? new Int32Array(n);
  if (classOf.length !== n) throw new Error('Every element needs a class.');
  const minCount = new Int32Array(classCount * G);
  const maxCount = new Int32Array(classCount * G);
  const perClass = new Array<number>(classCount).fill(0);
  for (const c of classOf) {
    if (c < 0 || c >= classCount) throw new Error(`Element class ${c} has no bounds.`);
    perClass[c]! += 1;
  }
  for (let c = 0; c < classCount; c++) {
    const row = spec.bounds[c]!;
    if (row.length !== G) throw new Error(`Class ${c} needs bounds for each of the ${G} groups.`);
    let lo = 0;
    let hi = 0;
    for (let g = 0; g < G; g++) {
      const [a, b] = row[g]!;
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || a > b) {
        throw new Error(`Group ${g} has invalid size bounds [${a}, ${b}].`);
      }
      minCount[c * G + g] = a;
      maxCount[c * G + g] = b;
      lo += a;
      hi += b;
    }
    const count = perClass[c]!;
    if (count < lo || count > hi) {
      throw new Error(
        `No assignment is possible: ${count} elements must fill groups whose sizes add up to between ${lo} and ${hi}.`,
      );
    }
  }
  for (let i = 0; i < n; i++) {
    if (weights[i * n + i] !== 0) throw new Error('The weight matrix must have a zero diagonal.');
    for (let j = i + 1; j < n; j++) {
      const w = weights[i * n + j]!;
      if (!Number.isFinite(w) || w !== weights[j * n + i])
        throw new Error('The weight matrix must be finite and symmetric.');
    }
  }
  return { n, groupCount: G, weights, classCount, classOf, minCount, maxCount };
}

/** The same elements and weights with new single-class group bounds (already known to be consistent). */
export function withBounds(
  problem: GroupingProblem,
  min: readonly number[],
  max: readonly number[],
): GroupingProblem {
  return { ...problem, minCount: Int32Array.from(min), maxCount: Int32Array.from(max) };
}

/** Sum of weights over pairs in the same group. */
export function objectiveOf(problem: GroupingProblem, assignment: ArrayLike<number>): number {
  const { n, weights } = problem;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const gi = assignment[i];
    for (let j = i + 1; j < n; j++) if (assignment[j] === gi) total += weights[i * n + j]!;
  }
  return total;
}

/** Returns a list of problems with the assignment (empty when it is feasible). */
export function checkAssignment(problem: GroupingProblem, assignment: ArrayLike<number>): string[] {
  const { n, groupCount: G, classCount } = problem;
  const errors: string[] = [];
  if (assignment.length !== n) return [`Expected ${n} assigned elements, got ${assignment.length}.`];
  const counts = new Int32Array(classCount * G);
  for (let i = 0; i < n; i++) {
    const g = assignment[i]!;
    if (!Number.isInteger(g) || g < 0 || g >= G) errors.push(`Element ${i} has no valid group (${g}).`);
    else counts[problem.classOf[i]! * G + g]! += 1;
  }
  for (let k = 0; k < classCount * G; k++) {
    if (counts[k]! < problem.minCount[k]! || counts[k]! > problem.maxCount[k]!) {
      errors.push(
        `Group ${k % G} holds ${counts[k]} elements of class ${Math.floor(k / G)}, outside [${problem.minCount[k]}, ${problem.maxCount[k]}].`,
      );
    }
  }
  return errors;
}
