import { type Rng, shuffle } from '../random.ts';
import type { GroupingProblem } from './problem.ts';

/**
 * A mutable assignment with the per-element-per-group sum matrix
 * `sums[i * G + g] = sum of weights[i][j] over j in group g`, so that the gain of any one-move
 * or swap is read in O(1) and applying a move costs O(n).
 */
export class SearchState {
  readonly problem: GroupingProblem;
  readonly group: Int32Array;
  readonly sums: Float64Array;
  /** counts[c * G + g]: elements of class c in group g. */
  readonly counts: Int32Array;
  /** members[g * n + k], k < size[g]: the elements of group g. */
  readonly members: Int32Array;
  readonly size: Int32Array;
  /** Position of each element in its group's member list. */
  readonly pos: Int32Array;
  value = 0;

  constructor(problem: GroupingProblem) {
    this.problem = problem;
    const { n, groupCount: G, classCount } = problem;
    this.group = new Int32Array(n);
    this.sums = new Float64Array(n * G);
    this.counts = new Int32Array(classCount * G);
    this.members = new Int32Array(G * n);
    this.size = new Int32Array(G);
    this.pos = new Int32Array(n);
  }

  /** Loads an assignment (group index per element) and rebuilds all derived data. */
  load(assignment: ArrayLike<number>): void {
    const { n, groupCount: G, weights, classOf } = this.problem;
    this.size.fill(0);
    this.counts.fill(0);
    this.sums.fill(0);
    for (let i = 0; i < n; i++) {
      const g = assignment[i]!;
      this.group[i] = g;
      this.pos[i] = this.size[g]!;
      this.members[g * n + this.size[g]!] = i;
      this.size[g]! += 1;
      this.counts[classOf[i]! * G + g]! += 1;
    }
    let value = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const out = i * G;
      for (let j = 0; j < n; j++) this.sums[out + this.group[j]!]! += weights[row + j]!;
      value += this.sums[out + this.group[i]!]!;
    }
    this.value = value / 2;
  }

  /** Random feasible assignment: each group gets its minimum per class, the rest go to random groups with room. */
  randomize(rng: Rng): void {
    const { n, groupCount: G, classCount, classOf, minCount, maxCount } = this.problem;
    const assignment = new Int32Array(n);
    for (let c = 0; c < classCount; c++) {
      const elems: number[] = [];
      for (let i = 0; i < n; i++) if (classOf[i] === c) elems.push(i);
      shuffle(elems, rng);
      let k = 0;
      const room: number[] = [];
      for (let g = 0; g < G; g++) {
        for (let m = 0; m < minCount[c * G + g]!; m++) assignment[elems[k++]!] = g;
        for (let m = minCount[c * G + g]!; m < maxCount[c * G + g]!; m++) room.push(g);
      }
      shuffle(room, rng);
      for (let r = 0; k < elems.length; r++) assignment[elems[k++]!] = room[r]!;
    }
    this.load(assignment);
  }

  copyFrom(other: SearchState): void {
    this.group.set(other.group);
    this.sums.set(other.sums);
    this.counts.set(other.counts);
    this.members.set(other.members);
    this.size.set(other.size);
    this.pos.set(other.pos);
    this.value = other.value;
  }

  canMove(i: number, to: number): boolean {
    const G = this.problem.groupCount;
    const c = this.problem.classOf[i]! * G;
    const from = this.group[i]!;
    return (
      from !== to &&
      this.counts[c + from]! > this.problem.minCount[c + from]! &&
      this.counts[c + to]! < this.problem.maxCount[c + to]!
    );
  }

  moveGain(i: number, to: number): number {
    const G = this.problem.groupCount;
    return this.sums[i * G + to]! - this.sums[i * G + this.group[i]!]!;
  }

  swapGain(i: number, j: number): number {
    const { groupCount: G, n, weights } = this.problem;
    const gi = this.group[i]!;
    const gj = this.group[j]!;
    return (
      this.sums[i * G + gj]! -
      this.sums[i * G + gi]! +
      this.sums[j * G + gi]! -
      this.sums[j * G + gj]! -
      2 * weights[i * n + j]!
    );
  }

  /** Moves element i to group `to` (bounds are the caller's concern). */
  move(i: number, to: number): void {
    const { n, groupCount: G, weights, classOf } = this.problem;
    const from = this.group[i]!;
    this.value += this.sums[i * G + to]! - this.sums[i * G + from]!;
    const row = i * n;
    for (let j = 0, o = 0; j < n; j++, o += G) {
      const w = weights[row + j]!;
      this.sums[o + from]! -= w;
      this.sums[o + to]! += w;
    }
    const last = this.members[from * n + this.size[from]! - 1]!;
    this.members[from * n + this.pos[i]!] = last;
    this.pos[last] = this.pos[i]!;
    this.size[from]! -= 1;
    this.pos[i] = this.size[to]!;
    this.members[to * n + this.size[to]!] = i;
    this.size[to]! += 1;
    const c = classOf[i]! * G;
    this.counts[c + from]! -= 1;
    this.counts[c + to]! += 1;
    this.group[i] = to;
  }

  /** Exchanges the groups of i and j (same class, so counts are unchanged). */
  swap(i: number, j: number): void {
    const { n, groupCount: G, weights } = this.problem;
    const gi = this.group[i]!;
    const gj = this.group[j]!;
    this.value += this.swapGain(i, j);
    const ri = i * n;
    const rj = j * n;
    for (let k = 0, o = 0; k < n; k++, o += G) {
      const d = weights[ri + k]! - weights[rj + k]!;
      this.sums[o + gi]! -= d;
      this.sums[o + gj]! += d;
    }
    const pi = this.pos[i]!;
    const pj = this.pos[j]!;
    this.members[gi * n + pi] = j;
    this.members[gj * n + pj] = i;
    this.pos[i] = pj;
    this.pos[j] = pi;
    this.group[i] = gj;
    this.group[j] = gi;
  }
}
