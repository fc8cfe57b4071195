/**
 * A suggested grouping of shared concerns into themes, by what their statements say: TF-IDF over word
 * stems (stop words removed), cosine similarity, and agglomerative clustering with average linkage that
 * stops when no two groups are similar enough. Pure and deterministic: the same concerns in the same
 * order always give the same themes. Each theme says why: the words its concerns share.
 */
import { contentWords, type Word } from './words.ts';

export interface ConcernText {
  id: string;
  statement: string;
  /** The set's own label for it, if any ("Funding"): it counts twice as much as a word of the statement. */
  themeTag: string;
}

export interface SuggestedTheme {
  /** The tag most of its concerns carry, else its two strongest shared words. */
  name: string;
  concernIds: string[];
  /** The words that made these concerns one theme, strongest first (at most three). */
  sharedWords: string[];
}

export interface Suggestion {
  themes: SuggestedTheme[];
  /** Concerns that share too little with any other to join a theme; the coordinator places them. */
  alone: string[];
}

/**
 * Average cosine similarity two groups need to be merged. Short statements that share one telling word
 * ("funding") score about 0.2-0.3; unrelated ones score 0.
 */
export const defaultSimilarityThreshold = 0.15;
export const similarityThresholdBounds = { min: 0.05, max: 0.9 } as const;

type Vector = Map<string, number>;

function termCounts(concern: ConcernText): { counts: Map<string, number>; words: Word[] } {
  const statementWords = contentWords(concern.statement);
  const tagWords = contentWords(concern.themeTag);
  const words = [...statementWords, ...tagWords, ...tagWords];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w.stem, (counts.get(w.stem) ?? 0) + 1);
  return { counts, words };
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** The similarity of every pair, from L2-normalised TF-IDF vectors. */
export function similarities(concerns: readonly ConcernText[]): {
  matrix: number[][];
  vectors: Vector[];
  surfaces: Map<string, Map<string, number>>;
} {
  const counted = concerns.map(termCounts);
  const documentFrequency = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const { counts, words } of counted) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const w of words) {
      const forms = surfaces.get(w.stem) ?? new Map<string, number>();
      forms.set(w.surface, (forms.get(w.surface) ?? 0) + 1);
      surfaces.set(w.stem, forms);
    }
  }
  const n = concerns.length;
  const vectors = counted.map(({ counts }) => {
    const vector: Vector = new Map();
    let norm = 0;
    for (const [term, count] of counts) {
      const idf = Math.log((1 + n) / (1 + documentFrequency.get(term)!)) + 1;
      const weight = (1 + Math.log(count)) * idf;
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
  const matrix = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 1 : cosine(a, b))));
  return { matrix, vectors, surfaces };
}

/** The form people wrote a stem in most often (alphabetical among equals). */
function shownForm(surfaces: Map<string, Map<string, number>>, term: string): string {
  const forms = [...(surfaces.get(term) ?? new Map([[term, 1]]))];
  forms.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return forms[0]![0];
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function suggestThemes(
  concerns: readonly ConcernText[],
  options: { threshold?: number } = {},
): Suggestion {
  const threshold = options.threshold ?? defaultSimilarityThreshold;
  const { matrix, vectors, surfaces } = similarities(concerns);
  // Each group is a list of indices into `concerns`, kept in input order; groups stay ordered by their first.
  let groups: number[][] = concerns.map((_, i) => [i]);
  const linkage = (a: number[], b: number[]) => {
    let sum = 0;
    for (const i of a) for (const j of b) sum += matrix[i]![j]!;
    return sum / (a.length * b.length);
  };
  for (;;) {
    let best = { score: -1, a: -1, b: -1 };
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const score = linkage(groups[a]!, groups[b]!);
        // Strictly greater: among equal scores the earliest pair wins, so the result never depends on chance.
        if (score > best.score + 1e-12) best = { score, a, b };
      }
    }
    if (best.a < 0 || best.score < threshold) break;
    const merged = [...groups[best.a]!, ...groups[best.b]!].sort((x, y) => x - y);
    groups = groups.filter((_, k) => k !== best.a && k !== best.b);
    groups.push(merged);
    groups.sort((x, y) => x[0]! - y[0]!);
  }

  const themes: SuggestedTheme[] = [];
  const alone: string[] = [];
  for (const group of groups) {
    if (group.length < 2) {
      alone.push(concerns[group[0]!]!.id);
      continue;
    }
    const terms = new Map<string, { members: number; weight: number }>();
    for (const i of group) {
      for (const [term, weight] of vectors[i]!) {
        const entry = terms.get(term) ?? { members: 0, weight: 0 };
        entry.members++;
        entry.weight += weight;
        terms.set(term, entry);
      }
    }
    const shared = [...terms]
      .filter(([, e]) => e.members >= 2)
      .map(([term, e]) => ({ word: shownForm(surfaces, term), ...e }))
      .sort((x, y) => y.members - x.members || y.weight - x.weight || x.word.localeCompare(y.word))
      .map((e) => e.word);
    const sharedWords = [...new Set(shared)].slice(0, 3);
    themes.push({
      name: themeName(
        group.map((i) => concerns[i]!),
        sharedWords,
      ),
      concernIds: group.map((i) => concerns[i]!.id),
      sharedWords,
    });
  }
  // Largest themes first; among equals, the one whose first concern comes first.
  themes.sort((x, y) => y.concernIds.length - x.concernIds.length);
  return { themes, alone };
}

/** The tag at least half the group carries (as first written), else its strongest shared words. */
function themeName(group: readonly ConcernText[], sharedWords: readonly string[]): string {
  const tags = new Map<string, { shown: string; count: number }>();
  for (const c of group) {
    const tag = c.themeTag.trim();
    if (!tag) continue;
    const key = tag.toLocaleLowerCase();
    const entry = tags.get(key) ?? { shown: tag, count: 0 };
    entry.count++;
    tags.set(key, entry);
  }
  const top = [...tags.values()].sort((a, b) => b.count - a.count || a.shown.localeCompare(b.shown))[0];
  if (top && top.count * 2 >= group.length) return top.shown;
  return capitalised(sharedWords.slice(0, 2).join(', '));
}
