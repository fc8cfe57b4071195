// The whole test suite, in order, failing fast: `npm test` (everything) or
// `npm test -- unit|api|e2e|lint [...]` for a part. Arguments after `--` go to every vitest step,
// e.g. `npm test -- api -- test/api/infra.test.ts`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './ensure-system-deps.mjs';
import { startThrowawayPostgres, waitForPostgres } from './pg-throwaway.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
process.chdir(root);

const PARTS = {
  lint: ['typecheck', 'biome'],
  unit: ['unit'],
  api: ['deps', 'pg', 'api'],
  e2e: ['deps', 'pg', 'build', 'e2e'],
};
const ORDER = ['deps', 'typecheck', 'biome', 'unit', 'pg', 'api', 'build', 'e2e'];

const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const words = dashDash === -1 ? argv : argv.slice(0, dashDash);
const vitestExtra = dashDash === -1 ? [] : argv.slice(dashDash + 1);
const unknown = words.filter((w) => !(w in PARTS));
if (unknown.length > 0) {
  console.error(
    `Unknown part "${unknown.join(' ')}". Use: node scripts/test.mjs [${Object.keys(PARTS).join('|')} ...] [-- vitest args]`,
  );
  process.exit(2);
}
const parts = words.length > 0 ? words : Object.keys(PARTS);
const wanted = new Set(parts.flatMap((p) => PARTS[p]));
const steps = ORDER.filter((s) => wanted.has(s));

const bin = (name) => join(root, 'node_modules', '.bin', name);
if (!existsSync(bin('vitest'))) {
  console.error('node_modules is missing or incomplete: run `npm ci` first.');
  process.exit(1);
}

let current; // the running child process, if any
let postgres; // the throwaway cluster, if we started one

function run(command, args) {
  return new Promise((resolve) => {
    current = spawn(command, args, { stdio: 'inherit', env: process.env });
    current.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(127);
    });
    current.on('exit', (code, signal) => {
      current = undefined;
      resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : 15));
    });
  });
}

const vitest = (project) => run(bin('vitest'), ['run', '--project', project, ...vitestExtra]);
const needsPostgres = !process.env.TEST_DATABASE_URL;

const STEPS = {
  deps: {
    title: 'System packages (chromium, postgresql)',
    async run() {
      ensureSystemDeps({ chromium: wanted.has('e2e'), postgres: needsPostgres });
      return 0;
    },
  },
  typecheck: { title: 'Typecheck: tsc --noEmit', run: () => run(bin('tsc'), ['--noEmit']) },
  biome: { title: 'Lint and format: biome check .', run: () => run(bin('biome'), ['check', '.']) },
  unit: { title: 'Unit tests: vitest --project unit', run: () => vitest('unit') },
  pg: {
    title: needsPostgres ? 'PostgreSQL: start a throwaway cluster' : 'PostgreSQL: check TEST_DATABASE_URL',
    async run() {
      if (needsPostgres) {
        postgres = await startThrowawayPostgres();
        process.env.TEST_DATABASE_URL = postgres.url;
        console.log(`TEST_DATABASE_URL=${postgres.url}`);
        return 0;
      }
      try {
        await waitForPostgres(process.env.TEST_DATABASE_URL, { timeoutMs: 5000 });
        return 0;
      } catch (error) {
        console.error(`TEST_DATABASE_URL=${process.env.TEST_DATABASE_URL} does not answer: ${error.message}`);
        return 1;
      }
    },
  },
  api: { title: 'API tests on SQLite and PostgreSQL: vitest --project api', run: () => vitest('api') },
  build: { title: 'Web build: vite build', run: () => run(bin('vite'), ['build', '--logLevel', 'warn']) },
  e2e: { title: 'Browser journeys in Chromium: vitest --project e2e', run: () => vitest('e2e') },
};

const seconds = (ms) =>
  ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const code = 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15);
    process.exitCode = code;
    // Let the running step stop (vitest tears down); the second signal, or no step, exits at once.
    // The throwaway cluster is removed by pg-throwaway's exit hook either way.
    if (current && !current.killed) current.kill(signal);
    else process.exit(code);
  });
}

const started = Date.now();
console.log(`Revans tests: ${steps.join(' → ')}`);
let failure;
try {
  for (const [i, name] of steps.entries()) {
    const step = STEPS[name];
    const t0 = Date.now();
    console.log(`\n━━ [${i + 1}/${steps.length}] ${step.title}`);
    let code;
    try {
      code = await step.run();
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      code = 1;
    }
    if (code !== 0 || process.exitCode) {
      failure = { name, code: process.exitCode || code, ms: Date.now() - t0 };
      break;
    }
    console.log(`✔ ${name} (${seconds(Date.now() - t0)})`);
  }
} finally {
  if (postgres) {
    await postgres.stop();
    console.log('\nThrowaway PostgreSQL stopped and removed.');
  }
}

const total = seconds(Date.now() - started);
if (failure) {
  console.error(
    `\n✖ Step "${failure.name}" failed (exit ${failure.code}) after ${seconds(failure.ms)}; later steps did not run. Total ${total}.`,
  );
  process.exit(failure.code);
}
console.log(`\n✔ All ${steps.length} steps passed in ${total}.`);
