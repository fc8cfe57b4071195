import type { SearchState } from './state.ts';

/**
 * Descent over the one-move and swap neighbourhoods, group pair by group pair.
 *
 * For a pair of groups (g, h) let A_i = sums[i][h] - sums[i][g] (gain of moving i from g to h) and
 * B_j the same for j in h. A swap gains A_i + B_j - 2 w_ij <= A_i + B_j - 2 w_min, so once the best
 * A plus the best B cannot beat the best gain found, the pair is skipped without looking at any
 * swap (the bound-based neighbourhood evaluation of Schulz 2024). Pairs whose two groups have not
 * changed since they were last found locally optimal are not examined again.
 */
export class Descent {
  private readonly state: SearchState;
  private readonly A: Float64Array;
  private readonly B: Float64Array;
  private readonly changed: Float64Array;
  private readonly checked: Float64Array;
  private readonly twiceMin: number;
  private readonly eps: number;
  private clock = 1;
  private readonly journal: number[] = [];
  /** Moves applied by descents so far (a deterministic measure of work). */
  moves = 0;
  /** Group pairs examined so far. */
  pairChecks = 0;

  constructor(state: SearchState) {
    this.state = state;
    const { n, groupCount: G, weights } = state.problem;
    this.A = new Float64Array(n);
    this.B = new Float64Array(n);
    this.changed = new Float64Array(G);
    this.checked = new Float64Array(G * G);
    let maxAbs = 0;
    for (let k = 0; k < weights.length; k++) maxAbs = Math.max(maxAbs, Math.abs(weights[k]!));
    this.twiceMin = n > 1 ? 2 * this.minOffDiagonal() : 0;
    this.eps = Math.max(1e-9, 1e-13 * n * maxAbs);
  }

  private minOffDiagonal(): number {
    const { n, weights } = this.state.problem;
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) min = Math.min(min, weights[i * n + j]!);
    return min;
  }

  /** Marks every group as changed (after loading or copying a whole solution). */
  touchAll(): void {
    this.clock += 1;
    this.changed.fill(this.clock);
  }

  /** Declares the current solution locally optimal (e.g. after restoring a saved local optimum). */
  markClean(): void {
    this.clock += 1;
    this.checked.fill(this.clock);
  }

  /** Starts recording moves so that `rollback` can restore the current (locally optimal) solution. */
  record(): void {
    this.journal.length = 0;
  }

  /** Undoes every move since `record()` and marks the restored local optimum as clean. */
  rollback(): void {
    const j = this.journal;
    for (let k = j.length - 3; k >= 0; k -= 3) {
      if (j[k + 2] === -1) this.state.move(j[k]!, j[k + 1]!);
      else this.state.swap(j[k]!, j[k + 1]!);
    }
    j.length = 0;
    this.markClean();
  }

  move(i: number, to: number): void {
    this.journal.push(i, this.state.group[i]!, -1);
    this.clock += 1;
    this.changed[this.state.group[i]!] = this.clock;
    this.changed[to] = this.clock;
    this.state.move(i, to);
  }

  swap(i: number, j: number): void {
    this.journal.push(i, j, -2);
    this.clock += 1;
    this.changed[this.state.group[i]!] = this.clock;
    this.changed[this.state.group[j]!] = this.clock;
    this.state.swap(i, j);
  }

  /** Improves until no one-move or swap gains; returns false if stopped early. */
  run(shouldStop?: () => boolean): boolean {
    const G = this.state.problem.groupCount;
    let dirty = true;
    let work = 0;
    while (dirty) {
      dirty = false;
      for (let g = 0; g < G; g++) {
        for (let h = g + 1; h < G; h++) {
          const stamp = this.checked[g * G + h]!;
          if (stamp >= this.changed[g]! && stamp >= this.changed[h]!) continue;
          while (this.improvePair(g, h)) {
            dirty = true;
            if (shouldStop !== undefined && (++work & 15) === 0 && shouldStop()) return false;
          }
          this.checked[g * G + h] = this.clock;
          if (shouldStop !== undefined && (++work & 15) === 0 && shouldStop()) return false;
        }
      }
    }
    return true;
  }

  /** Applies the best improving move between groups g and h, if any. */
  private improvePair(g: number, h: number): boolean {
    this.pairChecks += 1;
    const s = this.state;
    const { n, groupCount: G, weights, classOf, classCount, minCount, maxCount } = s.problem;
    const { sums, members, counts } = s;
    const { A, B } = this;
    const sg = s.size[g]!;
    const sh = s.size[h]!;
    let best = this.eps;
    let bi = -1;
    let bj = -1;
    let maxA = Number.NEGATIVE_INFINITY;
    let maxB = Number.NEGATIVE_INFINITY;
    const oneClass = classCount === 1;
    const canGH = oneClass && counts[g]! > minCount[g]! && counts[h]! < maxCount[h]!;
    const canHG = oneClass && counts[h]! > minCount[h]! && counts[g]! < maxCount[g]!;
    for (let k = 0; k < sg; k++) {
      const i = members[g * n + k]!;
      const a = sums[i * G + h]! - sums[i * G + g]!;
      A[k] = a;
      if (a > maxA) maxA = a;
      if (a > best && (oneClass ? canGH : s.canMove(i, h))) {
        best = a;
        bi = i;
        bj = -1;
      }
    }
    for (let k = 0; k < sh; k++) {
      const j = members[h * n + k]!;
      const b = sums[j * G + g]! - sums[j * G + h]!;
      B[k] = b;
      if (b > maxB) maxB = b;
      if (b > best && (oneClass ? canHG : s.canMove(j, g))) {
        best = b;
        bi = j;
        bj = -1;
      }
    }
    const tm = this.twiceMin;
    if (maxA + maxB - tm > best) {
      for (let k = 0; k < sg; k++) {
        const a = A[k]!;
        if (a + maxB - tm <= best) continue;
        const i = members[g * n + k]!;
        const row = i * n;
        const ci = classOf[i];
        for (let l = 0; l < sh; l++) {
          const ab = a + B[l]!;
          if (ab - tm <= best) continue;
          const j = members[h * n + l]!;
          if (!oneClass && classOf[j] !== ci) continue;
          const gain = ab - 2 * weights[row + j]!;
          if (gain > best) {
            best = gain;
            bi = i;
            bj = j;
          }
        }
      }
    }
    if (bi < 0) return false;
    this.moves += 1;
    if (bj < 0) this.move(bi, s.group[bi] === g ? h : g);
    else this.swap(bi, bj);
    return true;
  }
}
