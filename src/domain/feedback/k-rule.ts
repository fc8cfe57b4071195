/**
 * The K rule: pulses and review answers are shown only as aggregates over at least K answers, so no
 * reader can pick out one person's answer in a small group. K is a host setting: 5 unless the host
 * changes it, never below 3.
 */
export const minAnswers = { default: 5, floor: 3, ceiling: 50 } as const;

/** The host's K, kept within its bounds whatever was stored. */
export function effectiveK(setting: number | null | undefined): number {
  if (setting === null || setting === undefined || !Number.isFinite(setting)) return minAnswers.default;
  return Math.min(minAnswers.ceiling, Math.max(minAnswers.floor, Math.trunc(setting)));
}

/** Whether `count` answers are enough to show anything about them. */
export const enoughAnswers = (count: number, k: number): boolean => count >= effectiveK(k);

/** A 1-5 scale's aggregate: its mean and how many gave each point, or only that there are too few. */
export type ScaleAggregate =
  | { shown: true; count: number; mean: number; distribution: [number, number, number, number, number] }
  | { shown: false; count: number; needed: number };

export const scalePoints = [1, 2, 3, 4, 5] as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Aggregates answers on a 1-5 scale under the K rule. Below K it says only how many there are and how
 * many are needed (the page says "not enough answers yet"); never a mean or a distribution.
 */
export function aggregateScale(values: readonly number[], k: number): ScaleAggregate {
  const valid = values.filter((v) => Number.isInteger(v) && v >= 1 && v <= 5);
  const needed = effectiveK(k);
  if (valid.length < needed) return { shown: false, count: valid.length, needed };
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const v of valid) distribution[v - 1]!++;
  const mean = round2(valid.reduce((s, v) => s + v, 0) / valid.length);
  return { shown: true, count: valid.length, mean, distribution };
}

/** Counts per option of a choice question under the K rule. */
export type ChoiceAggregate =
  | { shown: true; count: number; counts: number[] }
  | { shown: false; count: number; needed: number };

export function aggregateChoice(values: readonly number[], options: number, k: number): ChoiceAggregate {
  const valid = values.filter((v) => Number.isInteger(v) && v >= 0 && v < options);
  const needed = effectiveK(k);
  if (valid.length < needed) return { shown: false, count: valid.length, needed };
  const counts = Array.from({ length: options }, () => 0);
  for (const v of valid) counts[v]!++;
  return { shown: true, count: valid.length, counts };
}

/**
 * Free-text answers shown to a set (pulse comments) or quoted in a report: only when K answers exist,
 * without names, and in an order that says nothing about who answered when (shuffled with `random`).
 */
export function releaseTexts(
  texts: readonly string[],
  answerCount: number,
  k: number,
  random: () => number,
): string[] | null {
  if (!enoughAnswers(answerCount, k)) return null;
  const list = texts.map((t) => t.trim()).filter((t) => t.length > 0);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Share of `part` in `whole` as a fraction 0-1 rounded to 3 places; null when there is no whole. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
