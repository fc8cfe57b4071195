/**
 * Builds test/data/coach/questions.jsonl from the hand-labelled source items in test/data/coach/raw/*.tsv
 * (source id, label, text). Run: `node --import tsx bench/coach/build-data.ts`.
 *
 * Everything is deterministic (hashes of the text, no clock, no Math.random), so the file only changes
 * when the raw items or this script change. The held-out split is fixed here, per source item,
 * stratified by label (3 of every 10 items of a label, in hash order); each derived variant (as
 * people type: lower case, no question mark, typos, missing apostrophes, preambles; and two questions
 * joined into one turn) inherits the split of the item(s) it was made from, so no derived text leaks
 * a held-out item into training.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CoachLabel, coachLabels } from '../../src/domain/coach/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../../test/data/coach');

export interface CoachItem {
  id: string;
  text: string;
  label: CoachLabel;
  source: string;
  split: 'train' | 'heldout';
  /** For derived items: the id(s) of the source item(s) and how the text was derived. */
  derivedFrom?: string[];
  variant?: string;
}

/** FNV-1a, 32 bit: a stable hash for ordering and for choosing variants. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Batches of new sources whose errors were looked at in full before they were split (to estimate how
 * the coach does on unseen sources, then to improve it): all their items are training items, so that
 * the held-out split stays unseen.
 */
const trainOnlyFiles = new Set(['e.tsv', 'f.tsv', 'g.tsv']);
/** A batch of new sources kept for measurement only: all held-out, its errors never used to change the rules. */
const heldOutOnlyFiles = new Set(['h.tsv']);

const originals: CoachItem[] = [];
const trainOnly = new Set<CoachItem>();
const heldOutOnly = new Set<CoachItem>();
const seen = new Set<string>();
for (const file of readdirSync(join(dataDir, 'raw')).sort()) {
  if (!file.endsWith('.tsv')) continue;
  for (const [n, line] of readFileSync(join(dataDir, 'raw', file), 'utf8')
    .split('\n')
    .entries()) {
    if (line.trim() === '') continue;
    const [source, label, text] = line.split('\t');
    if (!source || !label || !text || !(coachLabels as readonly string[]).includes(label)) {
      throw new Error(`raw/${file}:${n + 1}: expected "source<TAB>LABEL<TAB>text"`);
    }
    const key = text.trim().toLowerCase();
    if (seen.has(key)) continue; // the same question listed by two guides is kept once
    seen.add(key);
    const item: CoachItem = { id: '', text: text.trim(), label: label as CoachLabel, source, split: 'train' };
    originals.push(item);
    if (trainOnlyFiles.has(file)) trainOnly.add(item);
    if (heldOutOnlyFiles.has(file)) heldOutOnly.add(item);
  }
}

// Fixed split. Items already in questions.jsonl keep the split recorded there. The first build split
// each label's items stratified (ordered by hash, 3 in 10 to held-out); items added later go to held-out
// when their hash ends in 1, 4 or 7 (3 in 10), so adding sources never moves an item between splits.
const recorded = new Map<string, CoachItem['split']>();
try {
  for (const line of readFileSync(join(dataDir, 'questions.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const item = JSON.parse(line) as CoachItem;
    if (!item.derivedFrom) recorded.set(item.text, item.split);
  }
} catch {
  // first build
}
if (recorded.size === 0) {
  for (const label of coachLabels) {
    const items = originals.filter((i) => i.label === label).sort((a, b) => hash(a.text) - hash(b.text));
    items.forEach((item, k) => {
      item.split = k % 10 === 1 || k % 10 === 4 || k % 10 === 7 ? 'heldout' : 'train';
    });
  }
} else {
  for (const item of originals) {
    const h = hash(item.text) % 10;
    item.split = recorded.get(item.text) ?? (h === 1 || h === 4 || h === 7 ? 'heldout' : 'train');
  }
}
for (const item of trainOnly) item.split = 'train';
for (const item of heldOutOnly) item.split = 'heldout';
originals.forEach((item, k) => {
  item.id = `q${String(k + 1).padStart(4, '0')}`;
});

const stripEnd = (t: string): string => t.replace(/[?.!]+$/u, '').trimEnd();
const lowerFirst = (t: string): string => t.charAt(0).toLowerCase() + t.slice(1);

/** A realistic typo: swap two inner letters of the longest word, or drop a doubled letter. */
function typo(text: string, h: number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  if (candidates.length === 0) return text;
  const [w, i] = candidates[h % candidates.length]!;
  const doubled = /(.)\1/.exec(w);
  let changed: string;
  if (doubled && h % 2 === 0) changed = w.slice(0, doubled.index) + w.slice(doubled.index + 1);
  else {
    const p = 1 + (h % (w.length - 3));
    changed = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  }
  words[i] = changed;
  return words.join(' ');
}

/** Apostrophes left out, as many people type on a phone. */
const noApostrophes = (t: string): string => t.replace(/(\w)['’](\w)/g, '$1$2');

const preambles: Record<CoachLabel, string[]> = {
  OPEN: ["I'm curious, ", 'Just wondering, ', 'So ', 'ok so ', 'Can I ask, ', 'I was wondering, '],
  CLOSED: ['Quick question, ', 'So ', 'Just to check, ', 'ok so '],
  ADVICE_LEADING: ['Just a thought, ', 'So ', 'Hmm, ', 'I wonder, '],
  MULTIPLE: ['So ', "I'm curious, "],
  JUDGEMENTAL_WHY: ['Honestly, ', 'Seriously, ', 'I mean, ', 'So '],
  NOT_A_QUESTION: ['Honestly, ', 'So ', 'Well, ', 'I think '],
};

function variantOf(item: CoachItem): { text: string; variant: string } | undefined {
  const h = hash(`${item.text}#variant`);
  const kinds = ['lowercase-no-mark', 'typo', 'no-apostrophe', 'preamble'] as const;
  let kind: (typeof kinds)[number] = kinds[h % kinds.length]!;
  if (kind === 'no-apostrophe' && !/\w['’]\w/.test(item.text)) kind = 'lowercase-no-mark';
  if (kind === 'preamble' && item.label === 'NOT_A_QUESTION' && /^I /.test(item.text)) kind = 'typo';
  let text: string;
  switch (kind) {
    case 'lowercase-no-mark':
      text = stripEnd(item.text.toLowerCase());
      break;
    case 'typo':
      text = typo(item.text, h >>> 3);
      break;
    case 'no-apostrophe':
      text = lowerFirst(noApostrophes(item.text));
      break;
    case 'preamble': {
      const list = preambles[item.label];
      const pre = list[(h >>> 5) % list.length]!;
      text = pre + lowerFirst(item.text.replace(/^(So|And|Ok\.?|OK\.)\s+/u, ''));
      break;
    }
  }
  return text === item.text ? undefined : { text, variant: kind };
}

const derived: CoachItem[] = [];
let n = 0;
const nextId = (): string => `d${String(++n).padStart(4, '0')}`;
for (const item of originals) {
  const v = variantOf(item);
  if (v && !seen.has(v.text.toLowerCase())) {
    seen.add(v.text.toLowerCase());
    derived.push({ ...item, id: nextId(), text: v.text, derivedFrom: [item.id], variant: v.variant });
  }
}

// Two questions in one turn (MULTIPLE): consecutive single questions of one source and one split,
// joined as people type them: "A? B?", "a and b?" (two wh-questions), or "a, b" without marks.
const singleQuestion = (i: CoachItem): boolean =>
  i.label !== 'NOT_A_QUESTION' && i.label !== 'MULTIPLE' && /\?$/.test(i.text) && !/\?./.test(i.text);
const bySource = new Map<string, CoachItem[]>();
for (const item of originals.filter(singleQuestion)) {
  const key = `${item.source}|${item.split}`;
  bySource.set(key, [...(bySource.get(key) ?? []), item]);
}
const wh = /^(what|how|where|when|who|which)\b/i;
for (const items of bySource.values()) {
  for (let k = 0; k + 1 < items.length; k += 3) {
    const a = items[k]!;
    const b = items[k + 1]!;
    const h = hash(`${a.text}|${b.text}`);
    let text: string;
    let variant: string;
    if (wh.test(a.text) && wh.test(b.text) && h % 3 === 0) {
      text = `${stripEnd(a.text)} and ${lowerFirst(b.text)}`;
      variant = 'joined-and';
    } else if (h % 3 === 1) {
      text = `${stripEnd(a.text).toLowerCase()}, ${stripEnd(b.text).toLowerCase()}`;
      variant = 'joined-comma-no-marks';
    } else {
      text = `${a.text} ${b.text}`;
      variant = 'joined';
    }
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    derived.push({
      id: nextId(),
      text,
      label: 'MULTIPLE',
      source: a.source,
      split: a.split,
      derivedFrom: [a.id, b.id],
      variant,
    });
  }
}

const all = [...originals, ...derived];
writeFileSync(join(dataDir, 'questions.jsonl'), `${all.map((i) => JSON.stringify(i)).join('\n')}\n`);
const table = coachLabels.map((label) => {
  const c = (split: string, d: boolean): number =>
    all.filter((i) => i.label === label && i.split === split && (i.derivedFrom !== undefined) === d).length;
  return `${label.padEnd(16)} train ${c('train', false)}+${c('train', true)}  held-out ${c('heldout', false)}+${c('heldout', true)}`;
});
console.log(
  `${originals.length} source items, ${derived.length} derived (source+derived):\n${table.join('\n')}`,
);
