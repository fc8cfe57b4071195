/** Spawning and watching the processes of the live benchmark: the server under test and the baseline. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  pid: number;
  url: string;
  port: number;
  /** The last 20 kB the process wrote (stdout and stderr). */
  tail: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function collect(child: ChildProcess) {
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

function stopper(child: ChildProcess) {
  return (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill(signal);
    });
}

async function waitUntil(
  child: ChildProcess,
  tail: () => string,
  ready: () => Promise<boolean>,
  what: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited early:\n${tail()}`);
    try {
      if (await ready()) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not become ready:\n${tail()}`);
}

/** The node flags `npm start` gives `revans serve` in that checkout's package.json, so a bench serves as it does. */
function startFlagsOf(serverRoot: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(serverRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const flags = /\bnode((?:\s+--\S+)*)\s+bin\/revans\.mjs serve\b/.exec(pkg.scripts.start);
  if (!flags) throw new Error(`npm start in ${serverRoot} does not run "node ... bin/revans.mjs serve"`);
  return flags[1]!.split(/\s+/).filter(Boolean);
}

/** `revans serve` as `npm start` runs it (bin/revans.mjs: the bundled server on plain node), on the default store. */
export async function startRevans(options: {
  env: Record<string, string>;
  nodeFlags?: string[];
  /** Another checkout (or scratch copy) of Revans to serve from, for A/B runs; this one by default. */
  serverRoot?: string | undefined;
  /** Also copy everything the server writes to this file (e.g. with --trace-gc among the node flags). */
  logFile?: string | undefined;
}): Promise<Spawned> {
  const serverRoot = options.serverRoot ?? root;
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...startFlagsOf(serverRoot),
      ...(options.nodeFlags ?? []),
      path.join(serverRoot, 'bin/revans.mjs'),
      'serve',
    ],
    {
      cwd: serverRoot,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        HOST: '127.0.0.1',
        PORT: String(port),
        WEB_DIR: '/nonexistent-web-dir',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail = collect(child);
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const url = `http://127.0.0.1:${port}`;
  // A server that never got ready must not outlive the run that started it.
  await waitUntil(child, tail, async () => (await fetch(`${url}/readyz`)).ok, 'revans serve').catch(
    (error) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
  return { child, pid: child.pid!, url, port, tail, stop: stopper(child) };
}

/** The bare `ws` broadcaster (bench/live/baseline-server.ts) in its own process. */
export async function startBaseline(): Promise<Spawned> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/live/baseline-server.ts'), String(port)],
    { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail = collect(child);
  await waitUntil(child, tail, async () => tail().includes('baseline listening'), 'baseline server');
  return { child, pid: child.pid!, url: `http://127.0.0.1:${port}`, port, tail, stop: stopper(child) };
}

export interface MemorySample {
  rssMiB: number;
  hwmMiB: number;
}

export function memoryOf(pid: number): MemorySample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in ms (clock ticks are 100 Hz on Linux). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * From /proc/PID/schedstat (the main thread): ns spent running, and ns spent runnable but waiting for a
 * core. Waiting time means other processes took the cores: the machine, not the server, was the limit.
 */
export function schedOf(pid: number): { runNs: number; waitNs: number } {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { runNs: run ?? 0, waitNs: wait ?? 0 };
  } catch {
    return { runNs: 0, waitNs: 0 };
  }
}

/** Samples a process's memory every second and keeps the peak (VmHWM is the kernel's own peak too). */
export class MemoryWatch {
  peakRssMiB = 0;
  private timer: NodeJS.Timeout;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }
  sample(): MemorySample | undefined {
    const s = memoryOf(this.pid);
    if (s) this.peakRssMiB = Math.max(this.peakRssMiB, s.rssMiB, s.hwmMiB);
    return s;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}
