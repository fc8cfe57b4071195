/**
 * API hot paths benchmark:
 *   npm run bench -- api [--duration S] [--warmup S] [--connections C] [--store sqlite|postgres]
 *     [--only NAME,NAME] [--nice N] [--cpu-prof DIR] [--server-root DIR] [--server-flags "F"]
 *     [--server-log FILE] [--keep]
 *
 * Loads the demo host (`revans demo`) into a fresh store (SQLite by default; `--store postgres` makes a
 * fresh database on 127.0.0.1:5432 as user postgres and drops it afterwards), starts one `revans serve`
 * as an operator runs it, signs in as a demo member (Amara, member of a set) and drives each endpoint
 * with autocannon at C connections (50) for S seconds (10) after a warm-up (3 s):
 *   reads:  GET /api/me, GET /api/sets/:id (the set page), GET /api/programmes/:id (the programme
 *           page), GET /api/me/upcoming (Upcoming);
 *   writes: POST /api/sets/:id/journal (a private journal entry), POST /api/sets/:id/actions.
 * Baseline, in the same run: a bare node:http process (bench/api/baseline-server.ts) answering each
 * endpoint with the exact bytes Revans answered (status, headers, body); for writes it first inserts the
 * request body with one prepared better-sqlite3 statement. Ratio = Revans req/s / baseline req/s.
 * Reports req/s, p50 and p99 (ms), errors (non-2xx), each server's CPU ms per request (from /proc: far less
 * sensitive to other load on the machine than req/s) and the Revans server's peak RSS (VmHWM).
 * `--cpu-prof DIR` writes a V8 CPU profile of the Revans server; `--server-flags` (node flags for the
 * server, e.g. "--trace-gc-nvp") and `--server-log` are for diagnosis, as in the live bench. Ends with
 * one `BENCH api {json}` line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { CannedAnswer } from './api/baseline-server.ts';
import { commandLine } from './common/command-line.ts';
import { scratchDatabase } from './common/scratch-database.ts';
import {
  cpuMsOf,
  freePort,
  MemoryWatch,
  memoryOf,
  root,
  type Spawned,
  startRevans,
} from './live/processes.ts';

const { flag, option } = commandLine();
const durationS = Number(option('--duration') ?? 10);
const warmupS = Number(option('--warmup') ?? 3);
const connections = Number(option('--connections') ?? 50);
const storeKind = option('--store') ?? 'sqlite';
const only = option('--only')?.split(',');
const cpuProfDir = option('--cpu-prof');
const serverRoot = option('--server-root');
const serverFlags = option('--server-flags')?.split(' ').filter(Boolean) ?? [];
const serverLog = option('--server-log');
const keep = flag('--keep');
const nice = option('--nice');
if (nice !== undefined) setPriority(Number(nice));
if (storeKind !== 'sqlite' && storeKind !== 'postgres') throw new Error('--store is sqlite or postgres');

const origin = 'http://localhost:3000';
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Headers that belong to one connection or moment, not to the answer's bytes. */
const perConnection = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

interface Endpoint {
  name: string;
  kind: 'read' | 'write';
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

interface Figures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** The server process's CPU time (user + system) per answered request: little affected by other load. */
  cpuMsPerRequest: number;
}

async function cannon(
  server: Spawned,
  endpoint: Endpoint,
  headers: Record<string, string>,
  seconds: number,
): Promise<Figures> {
  const url = server.url;
  const cpuBefore = cpuMsOf(server.pid);
  const result = await autocannon({
    url: url + endpoint.path,
    method: endpoint.method,
    headers: endpoint.body ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(endpoint.body ? { body: endpoint.body } : {}),
    connections,
    duration: seconds,
  });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpuMsPerRequest:
      Math.round(((cpuMsOf(server.pid) - cpuBefore) / Math.max(1, result.requests.total)) * 100) / 100,
  };
}

async function startBaselineServer(answersFile: string, dir: string): Promise<Spawned> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/api/baseline-server.ts'), String(port), answersFile, dir],
    { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let tail = '';
  const keepTail = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const deadline = Date.now() + 30_000;
  while (!tail.includes('baseline listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`baseline did not start:\n${tail}`);
    await sleep(100);
  }
  return {
    child,
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    tail: () => tail,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'revans-bench-api-'));
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: origin,
    API_RATE_LIMIT_MAX: '1000000000',
    LOG_LEVEL: 'warn',
  };
  const scratch =
    storeKind === 'postgres'
      ? await scratchDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'revans_bench_api')
      : undefined;
  if (scratch) env.DATABASE_URL = scratch.url;
  const servers: Spawned[] = [];
  try {
    log(`api bench: store ${storeKind}, ${connections} connections, ${durationS} s per endpoint`);
    const demo = spawnSync(process.execPath, [path.join(serverRoot ?? root, 'bin/revans.mjs'), 'demo'], {
      cwd: serverRoot ?? root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    if (demo.status !== 0) throw new Error(`revans demo failed:\n${demo.stdout}\n${demo.stderr}`);
    const password = /password is: (\S+)/.exec(demo.stdout)?.[1];
    if (!password) throw new Error(`no demo password in:\n${demo.stdout}`);

    const nodeFlags = [
      ...serverFlags,
      ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`] : []),
    ];
    const revans = await startRevans({ env, nodeFlags, serverRoot, logFile: serverLog });
    servers.push(revans);
    const memory = new MemoryWatch(revans.pid);

    const signIn = await fetch(`${revans.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'amara@demo.revans.test', password }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie, origin, accept: 'application/json' };

    const me = (await (await fetch(`${revans.url}/api/me`, { headers })).json()) as {
      sets: { id: string; role: string; programme: { id: string } }[];
    };
    const set = me.sets.find((s) => s.role === 'member') ?? me.sets[0];
    if (!set) throw new Error('the demo member belongs to no set');
    const today = new Date().toISOString().slice(0, 10);
    const endpoints: Endpoint[] = (
      [
        { name: 'me', kind: 'read', method: 'GET', path: '/api/me' },
        { name: 'set', kind: 'read', method: 'GET', path: `/api/sets/${set.id}` },
        { name: 'programme', kind: 'read', method: 'GET', path: `/api/programmes/${set.programme.id}` },
        { name: 'upcoming', kind: 'read', method: 'GET', path: '/api/me/upcoming' },
        {
          name: 'journal',
          kind: 'write',
          method: 'POST',
          path: `/api/sets/${set.id}/journal`,
          body: JSON.stringify({ answers: { myself: 'I noticed I rush to advise instead of asking.' } }),
        },
        {
          name: 'action',
          kind: 'write',
          method: 'POST',
          path: `/api/sets/${set.id}/actions`,
          body: JSON.stringify({ text: 'Talk to the regional leads before Friday', dueOn: today }),
        },
      ] satisfies Endpoint[]
    ).filter((e) => !only || only.includes(e.name));

    // Record Revans's exact answer to each request for the baseline to send back.
    const answers: CannedAnswer[] = [];
    for (const e of endpoints) {
      const response = await fetch(revans.url + e.path, {
        method: e.method,
        headers: e.body ? { ...headers, 'content-type': 'application/json' } : headers,
        ...(e.body ? { body: e.body } : {}),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`${e.method} ${e.path} answered ${response.status}: ${body}`);
      const kept: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (!perConnection.has(name)) kept[name] = value;
      });
      answers.push({ method: e.method, path: e.path, status: response.status, headers: kept, body });
    }
    const answersFile = path.join(work, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(answers));
    const baseline = await startBaselineServer(answersFile, work);
    servers.push(baseline);

    const results: Record<
      string,
      { kind: string; path: string; bytes: number; revans: Figures; baseline: Figures; ratio: number }
    > = {};
    for (const [i, e] of endpoints.entries()) {
      const bytes = Buffer.byteLength(answers[i]?.body ?? '');
      if (warmupS > 0) {
        await cannon(baseline, e, headers, warmupS);
        await cannon(revans, e, headers, warmupS);
      }
      const base = await cannon(baseline, e, headers, durationS);
      const ours = await cannon(revans, e, headers, durationS);
      const ratio = Math.round((ours.reqPerSec / Math.max(1, base.reqPerSec)) * 1000) / 1000;
      results[e.name] = { kind: e.kind, path: e.path, bytes, revans: ours, baseline: base, ratio };
      log(
        `${e.name.padEnd(10)} ${String(bytes).padStart(6)} B  revans ${String(ours.reqPerSec).padStart(6)} req/s ` +
          `p50 ${ours.p50Ms} ms p99 ${ours.p99Ms} ms cpu ${ours.cpuMsPerRequest} ms/req (non-2xx ${ours.non2xx}, errors ${ours.errors})  ` +
          `baseline ${String(base.reqPerSec).padStart(6)} req/s p50 ${base.p50Ms} ms p99 ${base.p99Ms} ms cpu ${base.cpuMsPerRequest} ms/req  ratio ${ratio}`,
      );
    }
    memory.sample();
    const peakRssMiB = Math.round(Math.max(memory.peakRssMiB, memoryOf(revans.pid)?.hwmMiB ?? 0));
    memory.stop();
    const reads = Object.values(results).filter((r) => r.kind === 'read');
    const writes = Object.values(results).filter((r) => r.kind === 'write');
    const figures = {
      store: storeKind,
      connections,
      durationS,
      endpoints: results,
      serverPeakRssMiB: peakRssMiB,
      worstReadRatio: reads.length ? Math.min(...reads.map((r) => r.ratio)) : null,
      worstReadP99Ms: reads.length ? Math.max(...reads.map((r) => r.revans.p99Ms)) : null,
      worstWriteRatio: writes.length ? Math.min(...writes.map((r) => r.ratio)) : null,
      targets: { readRatio: 0.25, readP99Ms: 10, writeRatio: 0.25 },
    };
    log(`server peak RSS ${peakRssMiB} MiB`);
    console.log(`BENCH api ${JSON.stringify(figures)}`);
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await scratch?.drop().catch((error) => log(`could not drop the bench database: ${error}`));
    if (keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
