/**
 * Abuse benchmark:
 *   npm run bench -- abuse [--rate R] [--seconds S] [--nice N]
 *
 * One `revans serve` (SQLite, default settings: 5 sign-in attempts per address per minute) on loopback.
 * Baseline: for S seconds (10) with no other load, /healthz every 50 ms and a signed-in person's read
 * (GET /api/me, which resolves the session and reads the person and their roles) every 100 ms, timed
 * end to end. Figures: the same probes for S seconds while another process sends R (1,000) sign-in
 * attempts per second with a wrong password from the same address (127.0.0.1). Counts the answers by
 * status (429 = refused by the limiter), and the database writes the flood caused: rows added to the
 * audit trail and the sessions table and the accounts library's attempt counters, read from the SQLite
 * file before and after. Server memory peak from /proc. Ends with one `BENCH abuse {json}` line.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, loadavg, setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { commandLine } from './common/command-line.ts';
import { setUpFirstHost } from './common/first-host.ts';
import { cpuMsOf, MemoryWatch, root, schedOf, startRevans } from './live/processes.ts';

const { option } = commandLine();
const rate = Number(option('--rate') ?? 1000);
const seconds = Number(option('--seconds') ?? 10);
const nice = option('--nice');
if (nice !== undefined) setPriority(Number(nice));

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (x: number) => Math.round(x * 100) / 100;

const dataDir = mkdtempSync(path.join(tmpdir(), 'revans-bench-abuse-'));
const server = await startRevans({ env: { DATA_DIR: dataDir } });
const origin = `http://localhost:${server.port}`;
const memory = new MemoryWatch(server.pid);

// First-run setup: the admin is the signed-in person whose reads are timed.
const cookie = await setUpFirstHost(
  server.url,
  { hostName: 'Bench Host', adminName: 'Ada Admin', email: 'admin@example.org' },
  origin,
);

async function timed(url: string, headers: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  const ms = performance.now() - t0;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return ms;
}

/** Probes for `ms`: /healthz every 50 ms and GET /api/me every 100 ms, each on its own schedule. */
async function probe(ms: number) {
  const health: number[] = [];
  const reads: number[] = [];
  const end = performance.now() + ms;
  const loop = async (every: number, run: () => Promise<number>, into: number[]) => {
    let next = performance.now();
    while (next < end) {
      into.push(await run());
      next += every;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
    }
  };
  await Promise.all([
    loop(50, () => timed(`${server.url}/healthz`), health),
    loop(100, () => timed(`${server.url}/api/me`, { cookie, origin }), reads),
  ]);
  const stats = (xs: number[]) => ({
    n: xs.length,
    p50: round(percentile(xs, 50)),
    p99: round(percentile(xs, 99)),
    max: round(Math.max(...xs)),
  });
  return { healthz: stats(health), memberRead: stats(reads) };
}

/** Rows the flood could write: audit events, sessions, and the accounts library's attempt counters. */
function writesSoFar(): number {
  const db = new Database(path.join(dataDir, 'revans.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const count = (q: string) => Number((db.prepare(q).get() as { n: number | null }).n ?? 0);
    return (
      count('select count(*) as n from audit_event') +
      count('select count(*) as n from session') +
      count('select coalesce(sum(count), 0) as n from "rateLimit"') +
      count('select count(*) as n from verification')
    );
  } finally {
    db.close();
  }
}

try {
  log(`abuse: revans on ${server.url} (pid ${server.pid}), priority ${getPriority()}`);
  // Warm up the probes' paths (JIT, connections) before measuring.
  await probe(1000);
  log(`abuse: baseline, ${seconds} s without load`);
  const baseline = await probe(seconds * 1000);

  const flood = fork(
    path.join(root, 'bench/abuse/flood.ts'),
    [server.url, origin, String(rate), String(seconds)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  await new Promise<void>((resolve) => flood.once('message', () => resolve()));
  const writesBefore = writesSoFar();
  const cpuBefore = cpuMsOf(server.pid);
  const schedBefore = schedOf(server.pid);
  const loadBefore = loadavg()[0]!;
  log(`abuse: flood of ${rate} sign-in attempts per second for ${seconds} s, probing meanwhile`);
  const floodDone = new Promise<{
    sent: number;
    answered: number;
    errors: number;
    skipped: number;
    statuses: Record<string, number>;
    sendMs: number;
  }>((resolve) => flood.on('message', (m: { type: string }) => m.type === 'done' && resolve(m as never)));
  flood.send({ type: 'start' });
  const [during, result] = await Promise.all([probe(seconds * 1000), floodDone]);
  const writesDuring = writesSoFar() - writesBefore;
  const serverCpuMs = cpuMsOf(server.pid) - cpuBefore;
  const sched = schedOf(server.pid);
  const serverWaitedMs = Math.round((sched.waitNs - schedBefore.waitNs) / 1e6);

  const figures = {
    rate,
    seconds,
    attempts: result.sent,
    answered: result.answered,
    refused429: result.statuses['429'] ?? 0,
    wrongPassword401: result.statuses['401'] ?? 0,
    otherStatuses: Object.fromEntries(
      Object.entries(result.statuses).filter(([s]) => s !== '429' && s !== '401'),
    ),
    connectionErrors: result.errors,
    notSentBackpressure: result.skipped,
    floodSendMs: result.sendMs,
    dbWritesDuringFlood: writesDuring,
    dbWritesPerRefusal: round(writesDuring / Math.max(1, result.statuses['429'] ?? 0)),
    during,
    baseline,
    ratio: {
      healthzP99: round(during.healthz.p99 / baseline.healthz.p99),
      memberReadP99: round(during.memberRead.p99 / baseline.memberRead.p99),
    },
    targets: { p99UnderMs: 50, met: during.healthz.p99 < 50 && during.memberRead.p99 < 50 },
    serverPeakRssMiB: Math.round(memory.peakRssMiB),
    // The server's own cost (CPU per answered attempt, probes included) and how long its main thread
    // waited for a core: on a shared machine the second says how much of the latency was not Revans'.
    serverCpuMsDuringFlood: serverCpuMs,
    serverCpuMsPerAttempt: round(serverCpuMs / Math.max(1, result.answered)),
    serverWaitedForCoreMs: serverWaitedMs,
    machineLoadAverage: round(Math.max(loadBefore, loadavg()[0]!)),
  };
  console.log('');
  console.log('                      baseline p50/p99 (ms)   during flood p50/p99 (ms)');
  console.log(
    `/healthz              ${baseline.healthz.p50} / ${baseline.healthz.p99}`.padEnd(46) +
      `${during.healthz.p50} / ${during.healthz.p99}`,
  );
  console.log(
    `GET /api/me           ${baseline.memberRead.p50} / ${baseline.memberRead.p99}`.padEnd(46) +
      `${during.memberRead.p50} / ${during.memberRead.p99}`,
  );
  console.log(
    `attempts ${result.sent}, refused (429) ${figures.refused429}, wrong password (401) ${figures.wrongPassword401}, ` +
      `database rows written during the flood ${writesDuring}, server peak RSS ${figures.serverPeakRssMiB} MiB`,
  );
  console.log(`BENCH abuse ${JSON.stringify(figures)}`);
} finally {
  memory.stop();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
