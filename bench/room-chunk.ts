/**
 * The question coach's cost in the live room: `npm run bench -- room-chunk`
 *
 * Builds the web app twice in memory with Vite (nothing written to dist/): once as shipped, and once,
 * as the baseline, with the room's hint (`room/turn/CoachHint.tsx`, which pulls in the classifier, its
 * word lists and the rewrites) replaced by an empty component. The difference in the lazily loaded room
 * chunk, gzip level 9, is what the coach adds to it (budget 40 kB, issue 10). Then times what the room
 * does per settled question (classify, rewrites, highlight) over every question in the coach's data
 * set, and ends with one `BENCH room-chunk {json}` line.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rollup } from 'vite';
import { highlight, shouldHint } from '../src/domain/coach/hint.ts';
import { classifyQuestion, suggestRewrites } from '../src/domain/coach/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** The baseline: the room without the coach's hint. */
const withoutCoach: Plugin = {
  name: 'room-without-coach',
  enforce: 'pre',
  resolveId(source) {
    return source.endsWith('/CoachHint.tsx') || source === './CoachHint.tsx' ? '\0no-coach-hint' : null;
  },
  load(id) {
    return id === '\0no-coach-hint' ? 'export function CoachHint() { return null; }' : null;
  },
};

async function roomChunk(plugins: Plugin[]) {
  const output = (await build({
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'silent',
    plugins,
    build: { write: false, sourcemap: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const room = chunks.find((c): c is Rollup.OutputChunk => c.type === 'chunk' && c.name === 'RoomPage');
  if (!room) throw new Error('room-chunk bench: no RoomPage chunk in the build');
  const entry = chunks.find((c): c is Rollup.OutputChunk => c.type === 'chunk' && c.isEntry);
  const gz = (code: string) => gzipSync(Buffer.from(code), { level: 9 }).length;
  return {
    bytes: Buffer.byteLength(room.code),
    gzip: gz(room.code),
    entryGzip: entry ? gz(entry.code) : 0,
    coachModules: Object.keys(room.modules).filter((m) => m.includes('/coach/')).length,
  };
}

const shipped = await roomChunk([]);
const baseline = await roomChunk([withoutCoach]);
const added = shipped.gzip - baseline.gzip;

// What the hint does each time typing settles, over every question of the data set (warm).
const texts = readFileSync(resolve(root, 'test/data/coach/questions.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);
const settle = (text: string) => {
  const result = classifyQuestion(text);
  if (!shouldHint(text, result.label, 'questioning')) return 0;
  return suggestRewrites(text, result).length + highlight(text, result.evidence).length;
};
for (const text of texts) settle(text);
const rounds = 5;
const perRound: number[] = [];
for (let r = 0; r < rounds; r++) {
  const start = performance.now();
  for (const text of texts) settle(text);
  perRound.push(((performance.now() - start) / texts.length) * 1000);
}
perRound.sort((a, b) => a - b);
const medianUs = Math.round(perRound[Math.floor(rounds / 2)]! * 10) / 10;

console.log(
  `room chunk: ${shipped.bytes} bytes, ${shipped.gzip} gzip with the coach (${shipped.coachModules} coach modules); ` +
    `baseline without it: ${baseline.bytes} bytes, ${baseline.gzip} gzip`,
);
console.log(`the coach adds ${added} bytes gzip to the room chunk (budget 40,960)`);
console.log(`entry chunk (gzip): ${shipped.entryGzip} with, ${baseline.entryGzip} without`);
console.log(
  `per settled question (classify + rewrites + highlight): median of ${rounds} rounds ${medianUs} us over ${texts.length} questions`,
);
console.log(
  `BENCH room-chunk ${JSON.stringify({
    roomGzip: shipped.gzip,
    baselineRoomGzip: baseline.gzip,
    addedGzip: added,
    ratio: Math.round((shipped.gzip / baseline.gzip) * 1000) / 1000,
    entryGzip: shipped.entryGzip,
    baselineEntryGzip: baseline.entryGzip,
    perQuestionUs: medianUs,
    questions: texts.length,
    withinBudget: added <= 40960,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}`,
);
