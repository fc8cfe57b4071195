/**
 * Question-coach benchmark: `npm run bench -- coach [--split heldout|train|all] [--errors]`
 *
 * Classifies the held-out split of test/data/coach/questions.jsonl (fixed in the file; never used to
 * tune the rules) with the coach and, in the same run, with a first-word baseline; prints accuracy,
 * macro-F1, per-label precision and recall, a confusion matrix, the time per question (mean and p99),
 * the gzip size of the coach's browser bundle, and ends with one `BENCH coach {json}` line.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { classifyQuestion } from '../src/domain/coach/classify.ts';
import { type CoachLabel, coachLabels } from '../src/domain/coach/types.ts';
import { firstWordBaseline } from './coach/baseline.ts';
import { commandLine } from './common/command-line.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { flag, option } = commandLine();
const split = option('--split') ?? 'heldout';
if (!['heldout', 'train', 'all'].includes(split)) {
  console.error('coach bench: --split must be heldout, train or all.');
  process.exit(2);
}

interface Item {
  id: string;
  text: string;
  label: CoachLabel;
  split: string;
  derivedFrom?: string[];
}
const items: Item[] = readFileSync(resolve(here, '../test/data/coach/questions.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Item)
  .filter((i) => split === 'all' || i.split === split);

interface Scores {
  accuracy: number;
  macroF1: number;
  perLabel: Record<CoachLabel, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<CoachLabel, Record<CoachLabel, number>>;
}

function score(predicted: CoachLabel[]): Scores {
  const confusion = Object.fromEntries(
    coachLabels.map((a) => [a, Object.fromEntries(coachLabels.map((b) => [b, 0]))]),
  ) as Scores['confusion'];
  items.forEach((item, k) => {
    confusion[item.label][predicted[k]!]++;
  });
  const perLabel = {} as Scores['perLabel'];
  for (const label of coachLabels) {
    const tp = confusion[label][label];
    const predictedAs = coachLabels.reduce((s, gold) => s + confusion[gold][label], 0);
    const support = coachLabels.reduce((s, p) => s + confusion[label][p], 0);
    const precision = predictedAs === 0 ? 0 : tp / predictedAs;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[label] = { precision, recall, f1, support };
  }
  const correct = coachLabels.reduce((s, l) => s + confusion[l][l], 0);
  const macroF1 = coachLabels.reduce((s, l) => s + perLabel[l].f1, 0) / coachLabels.length;
  return { accuracy: correct / items.length, macroF1, perLabel, confusion };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function report(name: string, s: Scores): void {
  console.log(`\n${name}: accuracy ${r3(s.accuracy)}, macro-F1 ${r3(s.macroF1)}`);
  console.log(`  ${'label'.padEnd(16)} precision  recall   F1     n`);
  for (const l of coachLabels) {
    const p = s.perLabel[l];
    console.log(
      `  ${l.padEnd(16)} ${p.precision.toFixed(3).padStart(9)} ${p.recall.toFixed(3).padStart(7)} ${p.f1.toFixed(3).padStart(6)} ${String(p.support).padStart(5)}`,
    );
  }
  const short = (l: string): string =>
    l
      .replace('JUDGEMENTAL_WHY', 'JUDGE')
      .replace('NOT_A_QUESTION', 'NOT_Q')
      .replace('ADVICE_LEADING', 'ADVICE');
  console.log(
    `  confusion (rows: gold, columns: predicted)\n  ${''.padEnd(9)}${coachLabels.map((l) => short(l).padStart(9)).join('')}`,
  );
  for (const gold of coachLabels) {
    console.log(
      `  ${short(gold).padEnd(9)}${coachLabels.map((p) => String(s.confusion[gold][p]).padStart(9)).join('')}`,
    );
  }
}

// Warm up (JIT), then time every question in 5 batches of 20 calls; its time is the median batch's mean,
// so that a garbage collection or another process on this shared machine does not land on one question.
for (const item of items.slice(0, 200)) classifyQuestion(item.text);
const repeats = 20;
const perQuestionMs: number[] = [];
const predicted: CoachLabel[] = [];
let slowestCallMs = 0;
for (const item of items) {
  const batches: number[] = [];
  let label: CoachLabel = 'OPEN';
  for (let b = 0; b < 5; b++) {
    const t0 = performance.now();
    for (let k = 0; k < repeats; k++) label = classifyQuestion(item.text).label;
    batches.push((performance.now() - t0) / repeats);
  }
  const t1 = performance.now();
  classifyQuestion(item.text);
  slowestCallMs = Math.max(slowestCallMs, performance.now() - t1);
  perQuestionMs.push(batches.sort((a, b) => a - b)[2]!);
  predicted.push(label);
}
const sorted = [...perQuestionMs].sort((a, b) => a - b);
const meanMs = perQuestionMs.reduce((s, x) => s + x, 0) / perQuestionMs.length;
const p99Ms = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;

const coach = score(predicted);
const baseline = score(items.map((i) => firstWordBaseline(i.text)));

// The whole module as the browser would load it: bundled, minified, gzipped.
const bundle = await build({
  entryPoints: [resolve(here, '../src/domain/coach/index.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
});
const bundleBytes = bundle.outputFiles[0]!.contents.length;
const gzipBytes = gzipSync(bundle.outputFiles[0]!.contents, { level: 9 }).length;

const originals = items.filter((i) => !i.derivedFrom).length;
console.log(
  `question coach on the ${split} split: ${items.length} questions (${originals} from sources, ${items.length - originals} derived variants)`,
);
report('coach', coach);
report('baseline (first word)', baseline);
console.log(
  `\ntime per question: mean ${(meanMs * 1000).toFixed(1)} us, p99 ${(p99Ms * 1000).toFixed(1)} us, slowest single call ${(slowestCallMs * 1000).toFixed(0)} us`,
);
console.log(`bundle: ${bundleBytes} bytes minified, ${gzipBytes} bytes gzip (budget 40,960)`);

if (flag('--errors')) {
  console.log('\nerrors (gold -> predicted):');
  items.forEach((item, k) => {
    if (predicted[k] !== item.label) console.log(`  ${item.label} -> ${predicted[k]}: ${item.text}`);
  });
}

const figures = (s: Scores) => ({
  accuracy: r3(s.accuracy),
  macroF1: r3(s.macroF1),
  perLabel: Object.fromEntries(
    coachLabels.map((l) => [l, { precision: r3(s.perLabel[l].precision), recall: r3(s.perLabel[l].recall) }]),
  ),
});
console.log(
  `BENCH coach ${JSON.stringify({
    split,
    questions: items.length,
    coach: figures(coach),
    baseline: figures(baseline),
    ratio: {
      accuracy: r3(coach.accuracy / baseline.accuracy),
      macroF1: r3(coach.macroF1 / baseline.macroF1),
    },
    meanUs: Math.round(meanMs * 10000) / 10,
    p99Us: Math.round(p99Ms * 10000) / 10,
    slowestCallUs: Math.round(slowestCallMs * 1000),
    bundleBytes,
    gzipBytes,
    targets: { accuracy: coach.accuracy >= 0.95, macroF1: coach.macroF1 >= 0.9, gzip: gzipBytes <= 40960 },
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}`,
);
