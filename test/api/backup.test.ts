// `revans backup` and `revans restore`, as an operator runs them: real `revans` processes on real
// SQLite files, a real server taking writes while the backup runs, and, on PostgreSQL, a real
// pg_dump and pg_restore.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import * as tar from 'tar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/store/db.ts';
import { migrateToLatest, pendingMigrations } from '../../src/server/store/migrate.ts';
import { createTestApp, testConfig, testPassword } from '../support/app.ts';
import { createTestDatabase } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { setUpHost } from '../support/world.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `revans` command as its own process (asynchronously, so the test's writers keep going). */
function revans(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/revans.mjs'), ...args], {
      cwd: root,
      // Empty values count as unset: nothing leaks in from the shell that runs the tests.
      env: { ...process.env, DATABASE_URL: '', AUTH_SECRET: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under a folder with its size and checksum: to prove a refusal changed nothing. */
async function folderState(folder: string): Promise<Record<string, string> | 'absent'> {
  if (!existsSync(folder)) return 'absent';
  const state: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        state[`${path.relative(folder, full)}/`] = 'folder';
        await walk(full);
      } else {
        const bytes = await readFile(full);
        state[path.relative(folder, full)] =
          `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;
      }
    }
  };
  await walk(folder);
  return state;
}

const temporaryFolders: string[] = [];
async function tempFolder(label: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), `revans-backup-${label}-`));
  temporaryFolders.push(folder);
  return folder;
}
afterAll(async () => {
  for (const folder of temporaryFolders) await rm(folder, { recursive: true, force: true });
});

async function setUpOverHttp(server: ServerProcess) {
  const response = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      hostName: 'Backup Host',
      adminName: 'Ada Admin',
      email: 'admin@example.org',
      password: testPassword,
      timeZone: 'Europe/London',
    }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { hostId: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { hostId: body.hostId, cookie };
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

function integrity(file: string): string[] {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } finally {
    db.close();
  }
}

interface Write {
  kind: 'organisation' | 'person';
  name: string;
  writer: number;
  index: number;
  sentAt: number;
  ackedAt?: number;
}

describe('revans backup while a real server takes writes, then revans restore', () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
  });

  it('restores every write acknowledged before the backup started, and nothing sent after it ended', {
    timeout: 180_000,
  }, async () => {
    const dataDir = await tempFolder('live');
    const outDir = await tempFolder('out');
    const restoredDir = path.join(await tempFolder('restored'), 'data');
    // No AUTH_SECRET: the server generates DATA_DIR/auth-secret, which the backup must carry.
    const env = { DATA_DIR: dataDir, API_RATE_LIMIT_MAX: '1000000', DATABASE_URL: '', AUTH_SECRET: '' };
    const server = await startServerProcess(env);
    servers.push(server);
    const { hostId, cookie } = await setUpOverHttp(server);
    expect(existsSync(path.join(dataDir, 'auth-secret'))).toBe(true);

    // Eight writers, each sending one write at a time: organisations, and now and then a person in
    // the writer's latest organisation (a write that depends on an earlier one).
    const writes: Write[] = [];
    let stop = false;
    const failures: string[] = [];
    const writer = async (w: number) => {
      let organisationId: string | null = null;
      for (let i = 0; !stop; i++) {
        const kind = i % 4 === 3 ? 'person' : 'organisation';
        const name = `${kind === 'person' ? 'Person' : 'Org'} w${w} #${i}`;
        const write: Write = { kind, name, writer: w, index: i, sentAt: performance.now() };
        writes.push(write);
        const response = await fetch(
          `${server.url}/api/hosts/${hostId}/${kind === 'person' ? 'people' : 'organisations'}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify(
              kind === 'person' ? { name, email: `w${w}-${i}@example.org`, organisationId } : { name },
            ),
          },
        );
        const ackedAt = performance.now();
        const body = (await response.json()) as { id: string };
        if (response.status !== 201) {
          failures.push(`${name}: ${response.status} ${JSON.stringify(body)}`);
          continue;
        }
        write.ackedAt = ackedAt;
        if (kind === 'organisation') organisationId = body.id;
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    const acked = () => writes.filter((w) => w.ackedAt !== undefined);
    const warmUpEnds = Date.now() + 30_000;
    while (acked().length < 1500 && Date.now() < warmUpEnds) await new Promise((r) => setTimeout(r, 50));

    const out = path.join(outDir, 'revans-backup.tar.gz');
    const backupStartedAt = performance.now();
    // Small steps, so the copy takes many turns while the server keeps committing.
    const backup = await revans(['backup', '--out', out, '--pages-per-step', '2'], { DATA_DIR: dataDir });
    const backupEndedAt = performance.now();
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(writers);

    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(failures).toEqual([]);
    expect(backup.stdout).toContain(`Backup written: ${out}`);
    expect(backup.stdout).toContain('auth-secret: included');
    // The copy was never started over by the server's writes: one pass over the pages.
    const [, pages, steps] = backup.stdout.match(/\((\d+) pages copied in (\d+) steps\)/) ?? [];
    expect(Number(steps)).toBeLessThanOrEqual(Math.ceil(Number(pages) / 2) + 1);
    expect(Number(pages)).toBeGreaterThan(100);
    const before = acked().filter((w) => w.ackedAt! < backupStartedAt);
    const during = acked().filter((w) => w.ackedAt! >= backupStartedAt && w.ackedAt! < backupEndedAt);
    const sentAfter = writes.filter((w) => w.sentAt > backupEndedAt);
    expect(before.length).toBeGreaterThan(200);
    expect(during.length).toBeGreaterThan(0);
    expect(sentAfter.length).toBeGreaterThan(0);

    const restore = await revans(['restore', out], { DATA_DIR: restoredDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`into ${restoredDir}`);
    expect(restore.stdout).toContain('auth-secret: restored');
    expect((await readdir(restoredDir)).sort()).toEqual(['auth-secret', 'revans.sqlite']);
    expect(await readFile(path.join(restoredDir, 'auth-secret'), 'utf8')).toBe(
      await readFile(path.join(dataDir, 'auth-secret'), 'utf8'),
    );
    expect(integrity(path.join(restoredDir, 'revans.sqlite'))).toEqual(['ok']);
    expect((await revans(['migrate'], { DATA_DIR: restoredDir })).stdout).toContain('already up to date');

    // A server on the restored folder, signed in with the session made before the backup: the
    // restored auth-secret and session table keep it valid.
    const restored = await startServerProcess({ ...env, DATA_DIR: restoredDir });
    servers.push(restored);
    const organisations = await getJson<{ name: string }[]>(
      `${restored.url}/api/hosts/${hostId}/organisations`,
      cookie,
    );
    const people = await getJson<{ name: string }[]>(`${restored.url}/api/hosts/${hostId}/people`, cookie);
    const found = new Set([...organisations, ...people].map((r) => r.name));

    const missing = before.filter((w) => !found.has(w.name)).map((w) => w.name);
    expect(missing).toEqual([]);
    // A snapshot, not a copy that kept going: nothing sent after the backup ended is in it...
    expect(sentAfter.filter((w) => found.has(w.name)).map((w) => w.name)).toEqual([]);
    // ...nothing that was never acknowledged, and for each writer exactly a first part of its writes.
    const byName = new Map(writes.map((w) => [w.name, w]));
    for (const name of found) {
      if (name === 'Ada Admin') continue;
      expect(byName.get(name)?.ackedAt, name).toBeDefined();
    }
    for (let w = 0; w < 8; w++) {
      const mine = acked()
        .filter((x) => x.writer === w)
        .sort((a, b) => a.index - b.index);
      const present = mine.map((x) => found.has(x.name));
      const firstMissing = present.indexOf(false);
      if (firstMissing !== -1) expect(present.slice(firstMissing).includes(true), `writer ${w}`).toBe(false);
    }
    await restored.kill();
    expect(integrity(path.join(restoredDir, 'revans.sqlite'))).toEqual(['ok']);
  });
});

// Each case runs the revans command as its own process (two or three per case): allow for a busy machine.
describe('bad input changes nothing', { timeout: 120_000 }, () => {
  let liveDir: string;
  let backupFile: string;

  beforeAll(async () => {
    // A small real installation and one good backup of it.
    liveDir = await tempFolder('small');
    const migrate = await revans(['migrate'], { DATA_DIR: liveDir });
    expect(migrate.code).toBe(0);
    backupFile = path.join(await tempFolder('good'), 'good.tar.gz');
    const made = await revans(['backup', '--out', backupFile], { DATA_DIR: liveDir });
    expect(made.code, made.stderr).toBe(0);
  }, 120_000);

  it('restore into a folder that holds a database refuses and leaves it as it was', async () => {
    const target = await tempFolder('occupied');
    expect((await revans(['migrate'], { DATA_DIR: target })).code).toBe(0);
    const before = await folderState(target);
    const run = await revans(['restore', backupFile], { DATA_DIR: target });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`DATA_DIR (${target}) already holds a database (revans.sqlite)`);
    expect(run.stderr).toContain('set DATA_DIR to a new folder');
    expect(await folderState(target)).toEqual(before);
  });

  it('restore next to a different auth-secret refuses and leaves the folder as it was', async () => {
    const target = await tempFolder('other-secret');
    await writeFile(path.join(target, 'auth-secret'), 'another-installations-secret-of-enough-length\n');
    const before = await folderState(target);
    const run = await revans(['restore', backupFile], { DATA_DIR: target });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already holds a different auth-secret');
    expect(await folderState(target)).toEqual(before);
  });

  /** Re-packs the good backup with one of its files changed, as `revans backup` would pack it. */
  async function repacked(label: string, change: (folder: string) => Promise<void>): Promise<string> {
    const folder = await tempFolder(`repack-${label}`);
    await tar.extract({ file: backupFile, cwd: folder });
    await change(folder);
    const file = path.join(await tempFolder(`bad-${label}`), 'backup.tar.gz');
    await tar.create({ gzip: true, file, cwd: folder }, await readdir(folder));
    return file;
  }
  const sha256 = async (file: string) =>
    createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  async function setManifestChecksum(folder: string) {
    const manifestFile = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.database.sha256 = await sha256(path.join(folder, 'revans.sqlite'));
    await writeFile(manifestFile, JSON.stringify(manifest));
  }

  const badFiles: [label: string, make: () => Promise<string>, says: string][] = [
    [
      'a text file',
      async () => {
        const file = path.join(await tempFolder('text'), 'notes.txt');
        await writeFile(file, 'These are not the backups you are looking for.\n');
        return file;
      },
      'is not a Revans backup (it cannot be read as a compressed tar archive',
    ],
    [
      'a bare SQLite database',
      async () => path.join(liveDir, 'revans.sqlite'),
      'is not a Revans backup (it cannot be read as a compressed tar archive',
    ],
    [
      'a backup cut short',
      async () => {
        const file = path.join(await tempFolder('cut'), 'cut.tar.gz');
        const bytes = await readFile(backupFile);
        await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return file;
      },
      'is damaged',
    ],
    [
      'a backup whose database was changed after it was made',
      () =>
        repacked('flipped', async (folder) => {
          const db = path.join(folder, 'revans.sqlite');
          const bytes = await readFile(db);
          bytes[bytes.length - 100] = (bytes[bytes.length - 100]! + 1) % 256;
          await writeFile(db, bytes);
        }),
      'does not match the checksum recorded when the backup was made',
    ],
    [
      'a backup whose database fails the integrity check',
      () =>
        repacked('corrupt', async (folder) => {
          const db = path.join(folder, 'revans.sqlite');
          const bytes = await readFile(db);
          // Scribble over the second page (a table's b-tree page), then make the checksum match.
          bytes.fill(0x5a, 4096 + 8, 4096 * 2 - 8);
          await writeFile(db, bytes);
          await setManifestChecksum(folder);
        }),
      'is damaged',
    ],
    [
      'a tar.gz of a SQLite database that is not Revans',
      () =>
        repacked('foreign', async (folder) => {
          const db = path.join(folder, 'revans.sqlite');
          await rm(db);
          const other = new SqliteDatabase(db);
          other.exec('create table notes (text); insert into notes values (1)');
          other.close();
          await setManifestChecksum(folder);
        }),
      'its database has no migration table, so it is not a Revans database',
    ],
    [
      'a backup from a newer Revans (a migration this one does not know)',
      () =>
        repacked('future', async (folder) => {
          const db = new SqliteDatabase(path.join(folder, 'revans.sqlite'));
          db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(
            '9999_from_the_future',
            new Date().toISOString(),
          );
          db.close();
          await setManifestChecksum(folder);
        }),
      'its database has migrations this Revans',
    ],
    [
      'a backup in a newer backup format',
      () =>
        repacked('format', async (folder) => {
          const manifestFile = path.join(folder, 'manifest.json');
          const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
          await writeFile(manifestFile, JSON.stringify({ ...manifest, formatVersion: 2 }));
        }),
      'upgrade Revans, then restore',
    ],
    [
      'a tar.gz without a manifest',
      () => repacked('no-manifest', (folder) => rm(path.join(folder, 'manifest.json'))),
      'is not a Revans backup (it holds no manifest.json)',
    ],
  ];

  for (const [label, make, says] of badFiles) {
    it(`restore refuses ${label}, exits 1 and creates nothing`, async () => {
      const file = await make();
      // One target that does not exist yet (restore would create it) and one that exists, empty.
      const missing = path.join(await tempFolder('target'), 'data');
      const empty = await tempFolder('empty-target');
      for (const target of [missing, empty]) {
        const before = await folderState(target);
        const run = await revans(['restore', file], { DATA_DIR: target });
        expect(run.code, run.stderr).toBe(1);
        expect(run.stderr).toContain(says);
        expect(run.stderr).toContain('nothing was restored');
        expect(run.stdout).toBe('');
        expect(await folderState(target)).toEqual(before);
      }
    });
  }

  it('restore of a file that does not exist exits 2', async () => {
    const target = path.join(await tempFolder('nofile'), 'data');
    const run = await revans(['restore', '/nonexistent/backup.tar.gz'], { DATA_DIR: target });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/backup.tar.gz does not exist');
    expect(await folderState(target)).toBe('absent');
  });

  it('backup refuses an existing output file unless --force, and --force replaces it whole', async () => {
    const outDir = await tempFolder('exists');
    const out = path.join(outDir, 'backup.tar.gz');
    await writeFile(out, 'an older backup');
    const run = await revans(['backup', '--out', out], { DATA_DIR: liveDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${out} already exists: choose another name`);
    expect(run.stderr).toContain('--force');
    expect(await readFile(out, 'utf8')).toBe('an older backup');
    expect(await readdir(outDir)).toEqual(['backup.tar.gz']);

    const forced = await revans(['backup', '--out', out, '--force'], { DATA_DIR: liveDir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readdir(outDir)).toEqual(['backup.tar.gz']);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const restoredDir = path.join(await tempFolder('forced-restore'), 'data');
    expect((await revans(['restore', out], { DATA_DIR: restoredDir })).code).toBe(0);
  });

  it('backup refuses a missing output folder, and a DATA_DIR without a database, creating nothing', async () => {
    const nowhere = path.join(await tempFolder('nowhere'), 'missing');
    const run = await revans(['backup', '--out', path.join(nowhere, 'b.tar.gz')], { DATA_DIR: liveDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The folder ${nowhere} does not exist: create it first`);
    expect(existsSync(nowhere)).toBe(false);

    const emptyData = path.join(await tempFolder('nodata'), 'data');
    const outDir = await tempFolder('nodata-out');
    const none = await revans(['backup', '--out', path.join(outDir, 'b.tar.gz')], { DATA_DIR: emptyData });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`There is no Revans database in ${emptyData}`);
    expect(none.stderr).toContain('set DATA_DIR to the folder your Revans server uses');
    expect(existsSync(emptyData)).toBe(false);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('backup and restore on PostgreSQL say plainly to use pg_dump and pg_restore, and do nothing', async () => {
    const outDir = await tempFolder('pg-out');
    const dataDir = path.join(await tempFolder('pg-data'), 'data');
    const databaseUrl = 'postgres://revans:s3cret-password@127.0.0.1:5432/revans';
    const run = await revans(['backup', '--out', path.join(outDir, 'b.tar.gz')], {
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Revans is using PostgreSQL (DATABASE_URL is set)');
    expect(run.stderr).toContain('pg_dump --format=custom --file="revans-$(date +%F).dump" "$DATABASE_URL"');
    expect(run.stderr).toContain('pg_restore --no-owner --single-transaction --dbname="$NEW_DATABASE_URL"');
    expect(run.stderr).toContain('AUTH_SECRET');
    expect(run.stderr).not.toContain('s3cret-password');
    expect(await readdir(outDir)).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);

    const restore = await revans(['restore', backupFile], { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('DATABASE_URL is set');
    expect(restore.stderr).toContain('pg_restore');
    expect(existsSync(dataDir)).toBe(false);
  });
});

/** pg_dump and pg_restore must be on PATH: a test that needs them fails, never skips, without them. */
function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const found = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0)
    throw new Error(
      `${name} is not installed (or not on PATH), so the PostgreSQL backup test cannot run. Install the PostgreSQL client (as root: apt-get install -y postgresql-client) and run the tests again.`,
    );
  return name;
}

function runTool(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('PostgreSQL: a pg_dump of a Revans database restores', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('pg_dump --format=custom, pg_restore into a fresh database, and a server finds the data', {
    timeout: 120_000,
  }, async () => {
    const pgDump = postgresTool('pg_dump');
    const pgRestore = postgresTool('pg_restore');
    const t = await createTestApp('postgres');
    cleanups.push(() => t.close());
    const admin = await setUpHost(t);
    const names = Array.from({ length: 25 }, (_, i) => `Dumped organisation ${i}`);
    for (const name of names) {
      const response = await t.call({
        method: 'POST',
        url: `/api/hosts/${admin.hostId}/organisations`,
        cookie: admin.cookie,
        payload: { name },
      });
      expect(response.statusCode).toBe(201);
    }

    const dump = path.join(await tempFolder('pgdump'), 'revans.dump');
    const dumped = await runTool(pgDump, ['--format=custom', `--file=${dump}`, t.database.databaseUrl!]);
    expect(dumped.stderr).toBe('');
    expect(dumped.code).toBe(0);

    const fresh = await createTestDatabase('postgres');
    cleanups.push(() => fresh.drop());
    const restored = await runTool(pgRestore, [
      '--no-owner',
      '--single-transaction',
      `--dbname=${fresh.databaseUrl}`,
      dump,
    ]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);

    // The store opens it fully migrated and finds the data...
    const store = openStore({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir });
    try {
      expect(await pendingMigrations(store.plain)).toEqual([]);
      await migrateToLatest(store.plain);
      const rows = await store.plain
        .selectFrom('organisation')
        .select('name')
        .where('host_id', '=', admin.hostId)
        .execute();
      expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
    } finally {
      await store.destroy();
    }
    // ...and a real server on it, with the same AUTH_SECRET, still honours the session made before.
    const config = testConfig(t.database);
    await mkdir(fresh.dataDir, { recursive: true });
    const server = await startServerProcess({
      DATA_DIR: fresh.dataDir,
      DATABASE_URL: fresh.databaseUrl!,
      AUTH_SECRET: config.authSecret,
      PUBLIC_URL: config.publicUrl,
    });
    cleanups.push(() => server.kill());
    const listed = await getJson<{ name: string }[]>(
      `${server.url}/api/hosts/${admin.hostId}/organisations`,
      admin.cookie,
    );
    expect(listed.map((o) => o.name).sort()).toEqual([...names].sort());
  });
});
