/**
 * Live meeting benchmark:
 *   npm run bench -- live [--meetings N] [--duration S] [--warmup S] [--step S] [--quick]
 *     [--clients P] [--join-rate R] [--join-concurrency C] [--nice N]
 *     [--cpu-prof DIR] [--side revans|baseline] [--server-root DIR] [--server-flags "F"]
 *     [--server-log FILE] [--keep] [--store sqlite|postgres] [--nodes N] [--pg-url URL]
 *
 * N meetings (default 1,000) x 8 WebSocket clients on loopback against one `revans serve` process on
 * its default store (SQLite), with the clients in P separate processes (bench/live/client.ts, default
 * 4) and their sessions seeded directly in the database (bench/live/seed.ts). Each person connects from
 * their own loopback address and joins at most R per second, C at a time.
 *
 * Latency: after a warm-up of W s, each meeting gets one event per second for S s (60; the chair moves
 * the presenter between clarifying and open questioning, a member adds a question, alternately); each
 * event is timed from its command's send to the moment the 8th socket of its meeting has it.
 * Throughput: the offered rate is then stepped up (2, 3, 4, 5, 6, 7, 8, 10, ... events per meeting per second,
 * S s each) until delivery falls behind (under 95% of the offered rate delivered within the step, p99
 * over 1 s, or over 1% never delivered); the throughput is the highest delivered rate seen.
 * Baseline: the same client processes, socket layout, payloads and rates against a bare `ws`
 * broadcaster (bench/live/baseline-server.ts), in the same run. Server memory comes from /proc (VmRSS,
 * VmHWM): idle before any client connects, with every socket joined, and the peak. Server CPU per
 * event and the time its main thread waited for a core (/proc/PID/schedstat) tell the server's own
 * cost apart from other load on the machine. `--quick` is a smoke run (100 meetings, 10 s steps of 5 s).
 * `--nice -10` (root only) keeps other work on a shared machine from taking the cores being measured.
 * `--cpu-prof DIR` writes a V8 CPU profile of the Revans server; `--side` and `--server-root` (serve
 * another copy of the repository, e.g. a scratch branch), `--server-flags` (node flags for the server,
 * e.g. "--trace-gc") and `--server-log` are for profiling, diagnosis and A/B runs.
 * `--store postgres` seeds a fresh PostgreSQL database for the run (created through --pg-url, default
 * postgres://postgres@127.0.0.1:5432/postgres, and dropped afterwards); `--nodes N` (PostgreSQL only)
 * starts N `revans serve` processes on that one database and spreads each meeting's 8 sockets over them
 * (socket k goes to node k mod N), so most deliveries cross from one process to another over the
 * LISTEN/NOTIFY bus. Every socket checks that it gets every event of its meeting exactly once and in
 * seq order from its snapshot on: lost, duplicated and out-of-order events are counted per phase.
 * Ends with one `BENCH live {json}` line: both sides, their ratios and the targets.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, getPriority, setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { commandLine } from './common/command-line.ts';
import { scratchDatabase } from './common/scratch-database.ts';
import {
  cpuMsOf,
  MemoryWatch,
  memoryOf,
  root,
  type Spawned,
  schedOf,
  startBaseline,
  startRevans,
} from './live/processes.ts';
import type { FromClient, LoadResult, MeetingSpec, SocketSpec, ToClient } from './live/protocol.ts';
import { peoplePerMeeting, type Seeded, seedLiveWorld } from './live/seed.ts';

const { flag, option } = commandLine();
const quick = flag('--quick');
const meetingsN = Number(option('--meetings') ?? (quick ? 100 : 1000));
const durationS = Number(option('--duration') ?? (quick ? 10 : 60));
const warmupS = Number(option('--warmup') ?? (quick ? 3 : 10));
const stepS = Number(option('--step') ?? (quick ? 5 : 10));
const clientProcs = Number(option('--clients') ?? 4);
const joinRate = Number(option('--join-rate') ?? 500);
const joinConcurrency = Number(option('--join-concurrency') ?? 200);
const cpuProfDir = option('--cpu-prof');
const keep = flag('--keep');
const storeKind = option('--store') ?? 'sqlite';
const nodes = Number(option('--nodes') ?? 1);
const pgAdminUrl = option('--pg-url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (storeKind !== 'sqlite' && storeKind !== 'postgres') throw new Error('--store is sqlite or postgres');
if (nodes > 1 && storeKind !== 'postgres') {
  throw new Error('--nodes N needs --store postgres: the processes share the database and its live bus');
}
/** For profiling only: run one side (the BENCH line then lacks the other and its ratio). */
const side = option('--side') ?? 'both';
/** For A/B runs: serve Revans from another copy of the repository (e.g. a scratch branch). */
const serverRoot = option('--server-root');
/** For diagnosis: extra node flags for the Revans server (e.g. "--trace-gc") and a file for its output. */
const serverFlags = option('--server-flags')?.split(' ').filter(Boolean) ?? [];
const serverLog = option('--server-log');
/**
 * Scheduling priority for this run's processes (children inherit it). On a shared machine a negative
 * value (root only) keeps other work from taking the cores the benchmark is measuring.
 */
const nice = option('--nice');
if (nice !== undefined) setPriority(Number(nice));
/**
 * Events per meeting per second on the throughput ladder (the chair may send at most 30 messages/s).
 * Steps of a quarter or less from 4 to 16, where servers on a small machine reach their limit: with
 * steps of a half there, a capacity was read up to a third low, and a ratio of two capacities moved
 * with which side happened to fall just short of a step.
 */
const ladder = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 32, 48];
const drainMs = 5000;
const origin = 'http://localhost:3000';

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (x: number | undefined) => (x === undefined ? null : Math.round(x));

// ---- client processes ---------------------------------------------------------------------------

class ClientProcess {
  readonly child: ChildProcess;
  private waiting: { type: FromClient['type']; resolve: (m: FromClient) => void } | undefined;
  progress = { joined: 0, failed: 0 };
  readonly ready: Promise<void>;

  constructor() {
    this.child = fork(path.join(root, 'bench/live/client.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let onReady: () => void;
    this.ready = new Promise((r) => {
      onReady = r;
    });
    this.child.on('message', (m: FromClient) => {
      if (m.type === 'ready') return onReady();
      if (m.type === 'progress') {
        this.progress = { joined: m.joined, failed: m.failed };
        return;
      }
      if (this.waiting?.type === m.type) {
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve(m);
      }
    });
    this.child.on('exit', (code) => {
      if (code !== 0 && code !== null) {
        log(`a client process exited with ${code}`);
        process.exit(1);
      }
    });
  }

  request<T extends FromClient['type']>(
    message: ToClient,
    reply: T,
  ): Promise<Extract<FromClient, { type: T }>> {
    return new Promise((resolve) => {
      this.waiting = { type: reply, resolve: resolve as (m: FromClient) => void };
      this.child.send(message);
    });
  }
}

/** 127.a.b.c, never .0 or .255: one loopback source address per person. */
function loopbackAddress(i: number): string {
  return `127.${1 + Math.floor(i / 62_500)}.${(Math.floor(i / 250) % 250) + 1}.${(i % 250) + 1}`;
}

interface Layout {
  meetings: MeetingSpec[];
  sockets: SocketSpec[];
}

/** Splits the meetings over the client processes; all 8 sockets of a meeting go to the same one. */
function layout(seeded: Seeded, withCookies: boolean, urls: string[] = []): Layout[] {
  const per = Math.ceil(seeded.meetings.length / clientProcs);
  return Array.from({ length: clientProcs }, (_, p) => {
    const mine = seeded.meetings.slice(p * per, (p + 1) * per);
    const sockets: SocketSpec[] = [];
    mine.forEach((meeting, m) => {
      meeting.people.forEach((person, k) => {
        sockets.push({
          m,
          k,
          meetingId: meeting.meetingId,
          personId: person.personId,
          cookie: withCookies ? person.cookie : '',
          localAddress: loopbackAddress((p * per + m) * peoplePerMeeting + k),
          ...(urls.length > 1 ? { url: urls[k % urls.length]! } : {}),
        });
      });
    });
    // Join meeting by meeting across the processes, the way people arrive at their own meetings.
    sockets.sort((a, b) => a.m - b.m || a.k - b.k);
    return {
      meetings: mine.map((meeting) => ({
        meetingId: meeting.meetingId,
        people: meeting.people.map((p) => p.personId),
      })),
      sockets,
    };
  });
}

// ---- measuring ----------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

interface PhaseFigures {
  phase: string;
  offeredPerSec: number;
  deliveredPerSec: number;
  sent: number;
  completed: number;
  nacked: number;
  undelivered: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  serverCpuPct: number;
  /** Of the phase's wall time, how long the server's main thread was ready to run but had no core. */
  serverWaitPct: number;
  /** CPU of all the client processes together, % of one core. */
  clientCpuPct: number;
  /** Server CPU time per delivered event: what one event costs, whatever else the machine is doing. */
  serverCpuMsPerEvent: number | null;
  clientLoopDelayP99Ms: number;
  clientMaxSendLagMs: number;
  dropped: number;
  nackReasons: string[];
  lost: number;
  duplicated: number;
  outOfOrder: number;
}

async function runPhase(
  clients: ClientProcess[],
  serverPids: number[],
  phase: string,
  perMeetingPerSec: number,
  durationMs: number,
): Promise<PhaseFigures> {
  const serverCpu = () => serverPids.reduce((s, pid) => s + cpuMsOf(pid), 0);
  const serverWait = () => serverPids.reduce((s, pid) => s + schedOf(pid).waitNs, 0);
  const cpu0 = serverCpu();
  const wait0 = serverWait();
  const clientCpu0 = clients.reduce((s, c) => s + cpuMsOf(c.child.pid!), 0);
  const t0 = performance.now();
  const results: LoadResult[] = await Promise.all(
    clients.map((c) =>
      c.request(
        {
          type: 'load',
          phase,
          perMeetingPerSec,
          durationMs,
          drainMs,
        },
        'loadDone',
      ),
    ),
  );
  const wallMs = performance.now() - t0;
  const cpuMs = serverCpu() - cpu0;
  const cpuPct = (cpuMs / wallMs) * 100;
  const waitPct = ((serverWait() - wait0) / 1e6 / wallMs) * 100;
  const clientCpuPct = ((clients.reduce((s, c) => s + cpuMsOf(c.child.pid!), 0) - clientCpu0) / wallMs) * 100;
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (f: (r: LoadResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const sent = sum((r) => r.sent);
  const completed = sum((r) => r.completed);
  const nacked = sum((r) => r.nacked);
  return {
    phase,
    offeredPerSec: Math.round(sum((r) => r.offered) / (durationMs / 1000)),
    deliveredPerSec: Math.round(sum((r) => r.completedInWindow) / (durationMs / 1000)),
    sent,
    completed,
    nacked,
    undelivered: sent - completed - nacked,
    p50Ms: r1(percentile(latencies, 50)),
    p99Ms: r1(percentile(latencies, 99)),
    maxMs: r1(latencies.at(-1) ?? null),
    serverCpuPct: Math.round(cpuPct),
    serverWaitPct: Math.round(waitPct),
    clientCpuPct: Math.round(clientCpuPct),
    serverCpuMsPerEvent: completed ? Math.round((cpuMs / completed) * 1000) / 1000 : null,
    clientLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    clientMaxSendLagMs: Math.max(...results.map((r) => r.maxSendLagMs)),
    dropped: sum((r) => r.dropped),
    nackReasons: [...new Set(results.flatMap((r) => r.nackReasons))],
    lost: sum((r) => r.lost),
    duplicated: sum((r) => r.duplicated),
    outOfOrder: sum((r) => r.outOfOrder),
  };
}

const fellBehind = (f: PhaseFigures) =>
  f.deliveredPerSec < 0.95 * f.offeredPerSec || (f.p99Ms ?? Infinity) > 1000 || f.undelivered > 0.01 * f.sent;

const describe = (f: PhaseFigures) =>
  `${f.phase}: offered ${f.offeredPerSec}/s delivered ${f.deliveredPerSec}/s, p50 ${f.p50Ms} ms p99 ${f.p99Ms} ms max ${f.maxMs} ms, ` +
  `server CPU ${f.serverCpuPct}% (${f.serverCpuMsPerEvent} ms/event, waited for a core ${f.serverWaitPct}%), clients' CPU ${f.clientCpuPct}%, client loop p99 ${f.clientLoopDelayP99Ms} ms` +
  (f.nacked ? `, ${f.nacked} refused (${f.nackReasons.join('; ')})` : '') +
  (f.undelivered ? `, ${f.undelivered} undelivered` : '') +
  (f.dropped ? `, ${f.dropped} sockets dropped` : '') +
  `, lost ${f.lost} duplicated ${f.duplicated} out of order ${f.outOfOrder}`;

// ---- one side: Revans or the baseline -----------------------------------------------------------

async function runSide(
  name: 'revans' | 'baseline',
  servers: Spawned[],
  clients: ClientProcess[],
  layouts: Layout[],
  presentationsIndex: number,
) {
  const tag = `[${name}]`;
  const pids = servers.map((s) => s.pid);
  // Several nodes: memory is the sum over the processes (each process's peak, added up).
  const memory = () => {
    const all = pids.map(memoryOf);
    if (all.some((m) => !m)) return undefined;
    return { rssMiB: all.reduce((s, m) => s + m!.rssMiB, 0), hwmMiB: all.reduce((s, m) => s + m!.hwmMiB, 0) };
  };
  // Idle: ready, nothing connected yet (the process has settled after start-up).
  await sleep(3000);
  const idle = memory();
  log(`${tag} idle server RSS ${mib(idle?.rssMiB)} MiB`);
  const watches = pids.map((pid) => new MemoryWatch(pid));
  const watch = {
    sample: () => {
      for (const w of watches) w.sample();
      return memory();
    },
    get peakRssMiB() {
      return watches.reduce((s, w) => s + w.peakRssMiB, 0);
    },
    stop: () => {
      for (const w of watches) w.stop();
    },
  };

  const total = layouts.reduce((s, l) => s + l.sockets.length, 0);
  const t0 = performance.now();
  const progress = setInterval(() => {
    const joined = clients.reduce((s, c) => s + c.progress.joined, 0);
    const failed = clients.reduce((s, c) => s + c.progress.failed, 0);
    log(`${tag} joining ${joined}/${total}${failed ? ` (${failed} failed)` : ''}`);
  }, 2000);
  const connected = await Promise.all(
    clients.map((c, i) =>
      c.request(
        {
          type: 'connect',
          url: servers[0]!.url,
          origin,
          meetings: layouts[i]!.meetings,
          sockets: layouts[i]!.sockets,
          joinRatePerSec: joinRate / clients.length,
          maxInFlight: Math.max(1, Math.round(joinConcurrency / clients.length)),
        },
        'connected',
      ),
    ),
  );
  clearInterval(progress);
  const joinMs = Math.round(performance.now() - t0);
  const joined = connected.reduce((s, c) => s + c.joined, 0);
  const joinFailed = connected.reduce((s, c) => s + c.failed, 0);
  log(
    `${tag} joined ${joined}/${total} in ${(joinMs / 1000).toFixed(1)} s${joinFailed ? `, ${joinFailed} failed: ${connected.flatMap((c) => c.errors).join('; ')}` : ''}`,
  );
  if (joinFailed > 0.1 * total) throw new Error(`${tag} too many sockets failed to join`);
  await sleep(1000);
  const afterJoin = watch.sample();
  log(`${tag} server RSS with ${joined} sockets: ${mib(afterJoin?.rssMiB)} MiB`);

  log(`${tag} phase: setup (start, presentations, presenter on the floor, clarifying)`);
  const setups = await Promise.all(
    clients.map((c) => c.request({ type: 'setup', presentationsIndex, concurrency: 25 }, 'setupDone')),
  );
  const setupFailed = setups.reduce((s, r) => s + r.failed, 0);
  if (setupFailed > 0.1 * meetingsN) {
    throw new Error(
      `${tag} ${setupFailed} meetings could not be set up: ${setups.flatMap((s) => s.reasons).join('; ')}`,
    );
  }
  if (setupFailed) log(`${tag} ${setupFailed} meetings left out (a socket missing or setup refused)`);
  log(
    `${tag} set up ${setups.reduce((s, r) => s + r.ok, 0)} meetings in ${Math.max(...setups.map((s) => s.ms))} ms`,
  );

  // What holding the sockets costs with nothing happening (timers, heartbeats, background work).
  const allCpu = () => pids.reduce((s, pid) => s + cpuMsOf(pid), 0);
  const idleCpu0 = allCpu();
  await sleep(5000);
  const idleCpuPct = Math.round((allCpu() - idleCpu0) / 50);
  log(`${tag} server CPU with ${joined} idle sockets: ${idleCpuPct}%`);

  log(`${tag} phase: warm-up, 1 event per meeting per second for ${warmupS} s`);
  log(`${tag}   ${describe(await runPhase(clients, pids, 'warm-up', 1, warmupS * 1000))}`);

  log(`${tag} phase: latency, 1 event per meeting per second for ${durationS} s`);
  const latency = await runPhase(clients, pids, 'latency', 1, durationS * 1000);
  log(`${tag}   ${describe(latency)}`);
  const rssAtLatency = watch.sample();

  const steps: PhaseFigures[] = [];
  for (const perMeeting of ladder.slice(1)) {
    log(`${tag} phase: throughput, ${perMeeting} events per meeting per second for ${stepS} s`);
    const step = await runPhase(clients, pids, `x${perMeeting}`, perMeeting, stepS * 1000);
    steps.push(step);
    log(`${tag}   ${describe(step)}`);
    if (fellBehind(step)) break;
    await sleep(1000);
  }
  const ladderFigures = [latency, ...steps];
  const best = ladderFigures.reduce((a, b) => (b.deliveredPerSec > a.deliveredPerSec ? b : a));
  const sustained = ladderFigures.filter((f) => !fellBehind(f)).at(-1);
  const capped = !ladderFigures.some(fellBehind);

  const peak = watch.sample();
  watch.stop();
  log(`${tag} closing sockets`);
  await Promise.all(clients.map((c) => c.request({ type: 'close' }, 'closed')));
  return {
    idleRssMiB: mib(idle?.rssMiB),
    rssWithSocketsMiB: mib(afterJoin?.rssMiB),
    cpuPctWithIdleSockets: idleCpuPct,
    rssAfterLatencyMiB: mib(rssAtLatency?.rssMiB),
    peakRssMiB: mib(Math.max(watch.peakRssMiB, peak?.hwmMiB ?? 0)),
    sockets: joined,
    joinFailed,
    joinSeconds: Math.round(joinMs / 100) / 10,
    joinsPerSec: Math.round(joined / (joinMs / 1000)),
    meetingsUnderLoad: meetingsN - setupFailed,
    latency: {
      p50Ms: latency.p50Ms,
      p99Ms: latency.p99Ms,
      maxMs: latency.maxMs,
      events: latency.completed,
      undelivered: latency.undelivered,
      refused: latency.nacked,
      lost: latency.lost,
      duplicated: latency.duplicated,
      outOfOrder: latency.outOfOrder,
      serverCpuPct: latency.serverCpuPct,
      serverWaitPct: latency.serverWaitPct,
      serverCpuMsPerEvent: latency.serverCpuMsPerEvent,
    },
    throughput: {
      eventsPerSec: best.deliveredPerSec,
      messagesPerSec: best.deliveredPerSec * peoplePerMeeting,
      atOfferedPerSec: best.offeredPerSec,
      sustainedOfferedPerSec: sustained?.offeredPerSec ?? null,
      capped,
      steps: ladderFigures.map((f) => ({
        offered: f.offeredPerSec,
        delivered: f.deliveredPerSec,
        p50Ms: f.p50Ms,
        p99Ms: f.p99Ms,
        serverCpuPct: f.serverCpuPct,
        serverWaitPct: f.serverWaitPct,
        clientCpuPct: f.clientCpuPct,
        serverCpuMsPerEvent: f.serverCpuMsPerEvent,
        clientLoopP99Ms: f.clientLoopDelayP99Ms,
        refused: f.nacked,
        undelivered: f.undelivered,
        lost: f.lost,
        duplicated: f.duplicated,
        outOfOrder: f.outOfOrder,
      })),
    },
  };
}

// ---- main ---------------------------------------------------------------------------------------

const dataDir = mkdtempSync(path.join(tmpdir(), 'revans-bench-live-'));
const authSecret = randomBytes(36).toString('base64url');
log(
  `live bench: ${meetingsN} meetings x ${peoplePerMeeting} sockets, ${clientProcs} client processes, data in ${dataDir}`,
);
/** PostgreSQL: a fresh database for this run, dropped at the end. */
const scratch = storeKind === 'postgres' ? await scratchDatabase(pgAdminUrl, 'revans_bench_live') : undefined;
const databaseUrl = scratch?.url;
if (scratch) log(`PostgreSQL database ${scratch.name}, ${nodes} node${nodes > 1 ? 's' : ''}`);
const seeded = await seedLiveWorld({ dataDir, databaseUrl, meetings: meetingsN, authSecret });
log(
  `seeded ${meetingsN} meetings, ${meetingsN * peoplePerMeeting} people and sessions in ${seeded.seedMs} ms`,
);

const clients = Array.from({ length: clientProcs }, () => new ClientProcess());
await Promise.all(clients.map((c) => c.ready));
const stopAll: (() => Promise<void>)[] = [];
const cleanUp = async () => {
  await Promise.all(stopAll.map((stop) => stop()));
  for (const c of clients) c.child.kill();
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
  if (scratch && !keep) await scratch.drop().catch(() => {});
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

type SideFigures = Awaited<ReturnType<typeof runSide>>;
let revans: SideFigures | null = null;
let baseline: SideFigures | null = null;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const loadBefore = loadAverage();
try {
  if (side !== 'baseline') {
    if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
    const servers = await Promise.all(
      Array.from({ length: nodes }, (_, n) =>
        startRevans({
          env: {
            DATA_DIR: dataDir,
            AUTH_SECRET: authSecret,
            PUBLIC_URL: origin,
            ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
          },
          nodeFlags: [
            ...serverFlags,
            ...(cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(cpuProfDir)] : []),
          ],
          serverRoot,
          logFile: serverLog && nodes > 1 ? `${serverLog}.${n}` : serverLog,
        }),
      ),
    );
    const stopServers = () => Promise.all(servers.map((s) => s.stop())).then(() => {});
    stopAll.push(stopServers);
    revans = await runSide(
      'revans',
      servers,
      clients,
      layout(
        seeded,
        true,
        servers.map((s) => s.url),
      ),
      seeded.presentationsIndex,
    );
    await stopServers();
    stopAll.pop();
  }
  if (side !== 'revans') {
    const bare = await startBaseline();
    stopAll.push(() => bare.stop());
    baseline = await runSide('baseline', [bare], clients, layout(seeded, false), seeded.presentationsIndex);
    await bare.stop();
    stopAll.pop();
  }
} catch (error) {
  log(String((error as Error).stack ?? error));
  await cleanUp();
  process.exit(1);
}
await cleanUp();

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100;
const throughputRatio = ratio(revans?.throughput.eventsPerSec, baseline?.throughput.eventsPerSec);
const allSteps = revans?.throughput.steps ?? [];
const exactlyOnce = {
  lost: allSteps.reduce((s, f) => s + f.lost, 0),
  duplicated: allSteps.reduce((s, f) => s + f.duplicated, 0),
  outOfOrder: allSteps.reduce((s, f) => s + f.outOfOrder, 0),
};
const targets = {
  ...(nodes > 1
    ? { p99Under100Ms: (revans?.latency.p99Ms ?? Infinity) < 100 }
    : { p99Under50Ms: (revans?.latency.p99Ms ?? Infinity) < 50 }),
  // At 1 event/meeting/s nothing may go missing; the ladder's saturated last step may leave events late.
  noneLostOrDuplicated:
    revans !== null &&
    revans.latency.lost === 0 &&
    revans.latency.duplicated === 0 &&
    revans.latency.outOfOrder === 0,
  throughputAtLeastHalfBaseline: (throughputRatio ?? 0) >= 0.5,
  peakRssUnder1GiB: (revans?.peakRssMiB ?? Infinity) < 1024,
  idleRssUnder200MiB: (revans?.idleRssMiB ?? Infinity) < 200,
};
const figures = {
  meetings: meetingsN,
  sockets: meetingsN * peoplePerMeeting,
  clientProcesses: clientProcs,
  durationS,
  store: storeKind,
  nodes,
  /** Over the whole ladder (the last, saturated step included: late at its drain's end counts as lost). */
  exactlyOnce,
  ...(serverRoot ? { serverRoot } : {}),
  cpus: availableParallelism(),
  nice: getPriority(),
  /** Other work on the machine competes for the same cores: the 1/5/15-minute load averages. */
  loadAverage: { before: loadBefore, after: loadAverage() },
  revans,
  baseline,
  ratio: {
    throughput: throughputRatio,
    p50: ratio(revans?.latency.p50Ms, baseline?.latency.p50Ms),
    p99: ratio(revans?.latency.p99Ms, baseline?.latency.p99Ms),
    cpuMsPerEvent: ratio(revans?.latency.serverCpuMsPerEvent, baseline?.latency.serverCpuMsPerEvent),
    peakRss: ratio(revans?.peakRssMiB, baseline?.peakRssMiB),
  },
  targets,
  pass: Object.values(targets).every(Boolean),
};

const row = (label: string, r: unknown, b: unknown) =>
  `  ${label.padEnd(36)}${String(r ?? '-').padStart(12)}${String(b ?? '-').padStart(12)}`;
console.log(
  `live meetings: ${meetingsN} meetings x ${peoplePerMeeting} sockets on ${storeKind === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${nodes} node${nodes > 1 ? 's' : ''}`,
);
console.log(row('', 'revans', 'bare ws'));
console.log(row('latency p50 (ms)', revans?.latency.p50Ms, baseline?.latency.p50Ms));
console.log(row('latency p99 (ms)', revans?.latency.p99Ms, baseline?.latency.p99Ms));
console.log(
  row(
    'lost / duplicated at 1 ev/m/s',
    `${revans?.latency.lost}/${revans?.latency.duplicated}`,
    `${baseline?.latency.lost}/${baseline?.latency.duplicated}`,
  ),
);
console.log(row('latency max (ms)', revans?.latency.maxMs, baseline?.latency.maxMs));
console.log(
  row('server CPU at 1 ev/meeting/s (%)', revans?.latency.serverCpuPct, baseline?.latency.serverCpuPct),
);
console.log(
  row(
    'server CPU per event (ms)',
    revans?.latency.serverCpuMsPerEvent,
    baseline?.latency.serverCpuMsPerEvent,
  ),
);
console.log(
  row('server waited for a core (%)', revans?.latency.serverWaitPct, baseline?.latency.serverWaitPct),
);
console.log(row('throughput (events/s)', revans?.throughput.eventsPerSec, baseline?.throughput.eventsPerSec));
console.log(row('server RSS idle (MiB)', revans?.idleRssMiB, baseline?.idleRssMiB));
console.log(row('server RSS with sockets (MiB)', revans?.rssWithSocketsMiB, baseline?.rssWithSocketsMiB));
console.log(row('server RSS peak (MiB)', revans?.peakRssMiB, baseline?.peakRssMiB));
console.log(row('join time (s)', revans?.joinSeconds, baseline?.joinSeconds));
console.log(row('joins per second', revans?.joinsPerSec, baseline?.joinsPerSec));
console.log(`  load average before/after: ${loadBefore.join(' ')} / ${figures.loadAverage.after.join(' ')}`);
console.log(
  `  targets: ${Object.entries(targets)
    .map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`)
    .join(', ')}`,
);
console.log(`BENCH live ${JSON.stringify(figures)}`);
