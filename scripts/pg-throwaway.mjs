// A throwaway PostgreSQL cluster for test runs on machines without one: initdb into a temp folder,
// listen on 127.0.0.1:<free port> only, stop and delete everything afterwards.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureSystemDeps, findPostgresBinDir } from './ensure-system-deps.mjs';

const PREFIX = 'revans-pg-';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function postmasterPid(dataDir) {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** Immediate shutdown and removal, synchronous so it also works from a process 'exit' handler. */
function destroySync(dir, pid) {
  if (pid && isAlive(pid)) {
    process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 100 && isAlive(pid); i++) sleepSync(50);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

// A run killed with SIGKILL cannot clean up; the next run removes what it left.
function removeAbandonedClusters() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue; // not fully set up yet, or not ours
    }
    if (!isAlive(owner)) destroySync(dir, postmasterPid(join(dir, 'data')));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `select 1` succeeds on url; rejects after timeoutMs, or as soon as isDead() says so. */
export async function waitForPostgres(url, { timeoutMs = 30_000, isDead = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (isDead() || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/**
 * Starts a private PostgreSQL cluster. Returns its URL and an idempotent stop() that shuts it down
 * and removes its folder. If the process exits without calling stop(), an 'exit' hook does it.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startThrowawayPostgres() {
  ensureSystemDeps({ postgres: true });
  const bin = findPostgresBinDir();
  removeAbandonedClusters();

  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  // initdb and postgres refuse to run as root: run them as the `postgres` OS user instead.
  const asUser = {};
  if (process.getuid?.() === 0) {
    asUser.uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    asUser.gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, asUser.uid, asUser.gid);
  }

  let child;
  const cleanupOnExit = () => destroySync(dir, child?.pid);
  process.on('exit', cleanupOnExit);
  try {
    const init = spawnSync(
      join(bin, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { ...asUser, encoding: 'utf8' },
    );
    if (init.status !== 0)
      throw new Error(`initdb failed (exit ${init.status}):\n${init.stderr || init.stdout}`);

    const port = await freePort();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const log = openSync(logFile, 'a');
    const settings = {
      listen_addresses: '127.0.0.1',
      port,
      unix_socket_directories: dir,
      max_connections: 300,
      // Durability is pointless for a cluster deleted after the run.
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
    };
    const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    // Own process group, so a terminal Ctrl-C reaches the tests first and we shut the cluster down after.
    child = spawn(join(bin, 'postgres'), args, { ...asUser, detached: true, stdio: ['ignore', log, log] });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    try {
      await waitForPostgres(url, { isDead: () => exited });
    } catch (error) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
      throw new Error(
        `The throwaway PostgreSQL did not start (${error.message}). Its log ends with:\n${tail}`,
      );
    }

    let stopping;
    const stop = () => {
      stopping ??= (async () => {
        if (!exited) {
          const gone = new Promise((resolve) => child.once('exit', resolve));
          process.kill(child.pid, 'SIGINT'); // fast shutdown
          const timer = setTimeout(() => !exited && process.kill(child.pid, 'SIGKILL'), 15_000);
          await gone;
          clearTimeout(timer);
        }
        rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
        process.off('exit', cleanupOnExit);
      })();
      return stopping;
    };
    return { url, stop };
  } catch (error) {
    cleanupOnExit();
    process.off('exit', cleanupOnExit);
    throw error;
  }
}
