// `revans backup` and `revans restore`: the logic, so the commands stay thin and tests can read it.
//
// A backup is one gzip-compressed tar file holding three files, the same names as in DATA_DIR, so an
// operator can also read it with `tar -tzvf` and, in an emergency, unpack it by hand:
//   manifest.json  what the backup holds (when it was made, by which Revans, checksums)
//   revans.sqlite  a consistent copy of the database, made with SQLite's online backup API
//   auth-secret    the generated secret that signs sessions and links, when DATA_DIR has one
// Left out on purpose: outbox/*.eml. They are copies of mail already handed over (only written when
// no SMTP_URL is set); the mail_outbox table in the database keeps every mail and its state, the app
// never reads the files back, and they carry live invitation and password-reset links that should
// not spread into every backup copy.
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import {
  access,
  chmod,
  link,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import packageJson from '../../../package.json' with { type: 'json' };
import { sqlitePath } from './db.ts';
import { migrationNames } from './migrate.ts';

/** A refusal or failure to tell the operator: the message is a sentence they can act on. */
export class BackupError extends Error {
  /** 2: refused before anything was tried (fix the command or a setting); 1: tried and failed. */
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2) {
    super(message);
    this.name = 'BackupError';
    this.exitCode = exitCode;
  }
}

export const backupFormat = 'revans-backup';
export const backupFormatVersion = 1;
const databaseName = 'revans.sqlite';
const secretName = 'auth-secret';
const manifestName = 'manifest.json';
/** Files in DATA_DIR that mean it already holds a database (SQLite's own companions included). */
const databaseFiles = [databaseName, `${databaseName}-wal`, `${databaseName}-shm`, `${databaseName}-journal`];
/** Database pages (4 KiB each by default) copied per step: the progress bar moves once per step. */
export const defaultPagesPerStep = 1024;

export interface BackupManifest {
  format: typeof backupFormat;
  formatVersion: number;
  /** When the database snapshot was taken (ISO 8601, UTC). */
  createdAt: string;
  revansVersion: string;
  database: { file: typeof databaseName; bytes: number; sha256: string; migrations: string[] };
  /** Whether DATA_DIR's auth-secret file is in the archive. */
  authSecret: { included: boolean; sha256?: string };
  leftOut: string[];
}

export type BackupPhase = 'copy' | 'check' | 'pack';
export type ProgressListener = (phase: BackupPhase, done: number, total: number) => void;

export interface BackupResult {
  out: string;
  archiveBytes: number;
  manifest: BackupManifest;
  /** Pages of the database copied, and in how many steps. */
  pages: number;
  steps: number;
}

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  /** Latest migration the restored database has, and how many this Revans would still apply. */
  latestMigration: string | undefined;
  pendingMigrations: number;
  /** How much it holds, by table: e.g. `person: "42 people"`. */
  counts: Record<string, string>;
  authSecret: 'restored' | 'already in place' | 'not in backup';
}

/** What to do instead on PostgreSQL: exact commands, with the URL left in a variable so no password is printed. */
export function postgresBackupAdvice(command: 'backup' | 'restore'): string {
  const first =
    command === 'backup'
      ? 'Revans is using PostgreSQL (DATABASE_URL is set), and `revans backup` copies only the SQLite database in DATA_DIR.'
      : 'DATABASE_URL is set, so Revans uses PostgreSQL and would never read a restored SQLite database. To restore a SQLite backup, run `revans restore` without DATABASE_URL.';
  return [
    first,
    'Back up PostgreSQL with its own tools (PostgreSQL client 15 or newer):',
    '  pg_dump --format=custom --file="revans-$(date +%F).dump" "$DATABASE_URL"',
    'and restore a dump into a new, empty database with:',
    '  pg_restore --no-owner --single-transaction --dbname="$NEW_DATABASE_URL" revans-YYYY-MM-DD.dump',
    'Keep AUTH_SECRET with the dumps: it is not in the database, and without it everyone signs in again.',
    'docs/operators.md ("Backups") has a schedule and a restore drill.',
  ].join('\n');
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Flushes a file or folder to the disk, so a rename that follows survives a power cut. */
async function sync(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts `from` at `to` atomically without replacing anything already there (a hard link then an
 * unlink); where the file system has no hard links, checks then renames.
 */
async function placeWithoutReplacing(from: string, to: string): Promise<'placed' | 'exists'> {
  try {
    await link(from, to);
    await unlink(from);
    return 'placed';
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return 'exists';
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(error) ?? '')) throw error;
  }
  if (await exists(to)) return 'exists';
  await rename(from, to);
  return 'placed';
}

/** The folder must exist and be writable; refusals say which folder and what to do. */
async function requireWritableFolder(folder: string, role: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT')
      throw new BackupError(`The folder ${folder} does not exist: create it first, or choose ${role}.`, 2);
    if (errorCode(error) === 'ENOTDIR')
      throw new BackupError(`${folder} is not a folder (part of the path is a file): choose ${role}.`, 2);
    throw error;
  }
  if (!info.isDirectory()) throw new BackupError(`${folder} is not a folder: choose ${role}.`, 2);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new BackupError(
      `Cannot write to the folder ${folder} (permission denied): choose ${role}, or run the command as a user who may write there.`,
      2,
    );
  }
}

function cannotWrite(folder: string, error: unknown, role: string): BackupError | undefined {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new BackupError(
      `Cannot write to the folder ${folder} (${code === 'EROFS' ? 'read-only file system' : 'permission denied'}): choose ${role}, or run the command as a user who may write there.`,
      2,
    );
  if (code === 'ENOSPC')
    return new BackupError(`The disk holding ${folder} is full: free some space, or choose ${role}.`, 1);
  return undefined;
}

function integrityProblems(db: SqliteDatabase.Database): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

function hasTable(db: SqliteDatabase.Database, name: string): boolean {
  return !!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name);
}

function migrationsIn(db: SqliteDatabase.Database): string[] {
  return (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export interface BackupOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  out: string;
  /** Replace `out` when it exists (only once the new backup is complete). */
  force?: boolean;
  pagesPerStep?: number;
  onProgress?: ProgressListener;
  /** Abort between steps (Ctrl-C): nothing is left behind. */
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * Copies the database with SQLite's online backup API while Revans keeps running. The copy is taken
 * inside one read transaction, so it is the database exactly as it was when the copy began: every
 * write committed before then, none after. (Without it, SQLite starts the copy over whenever another
 * connection writes, and under a steady stream of writes it would never finish.) Readers never block
 * writers in WAL mode, so the server carries on; its write-ahead log may grow until the copy ends.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  if (options.databaseUrl) throw new BackupError(postgresBackupAdvice('backup'), 2);
  const dataDir = path.resolve(options.dataDir);
  const out = path.resolve(options.out);
  const outDir = path.dirname(out);
  const otherOut = 'another --out';
  if (options.out.endsWith('/') || options.out.endsWith(path.sep))
    throw new BackupError(
      `--out ${options.out} names a folder: give a file name, e.g. ${path.join(out, 'revans.tar.gz')}.`,
      2,
    );
  await requireWritableFolder(outDir, otherOut);
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory())
    throw new BackupError(
      `${out} is a folder: give a file name, e.g. ${path.join(out, 'revans.tar.gz')}.`,
      2,
    );
  if (existing && !options.force)
    throw new BackupError(
      `${out} already exists: choose another name (for example one with today's date), or add --force to replace it.`,
      2,
    );
  if (path.dirname(out) === dataDir && [...databaseFiles, secretName].includes(path.basename(out)))
    throw new BackupError(
      `${out} is one of Revans's own files in DATA_DIR: write the backup somewhere else.`,
      2,
    );
  const source = sqlitePath(dataDir);
  if (!(await exists(source)))
    throw new BackupError(
      `There is no Revans database in ${dataDir} (${databaseName} is missing): set DATA_DIR to the folder your Revans server uses, as in its service settings.`,
      2,
    );

  const aborted = () => {
    if (options.signal?.aborted) throw new BackupError('The backup was stopped; nothing was written.', 1);
  };
  let staging: string;
  try {
    staging = await mkdtemp(path.join(outDir, '.revans-backup-'));
  } catch (error) {
    throw cannotWrite(outDir, error, otherOut) ?? error;
  }
  let db: SqliteDatabase.Database | undefined;
  let createdAt = '';
  try {
    try {
      // Read-write when it may, so that with the server stopped SQLite tidies its -wal and -shm
      // files away on close as usual; read-only for a backup user who may only read DATA_DIR.
      try {
        db = new SqliteDatabase(source, { fileMustExist: true });
      } catch {
        db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
      }
      db.pragma('busy_timeout = 5000');
      // Taken just before the snapshot: the backup holds every change saved before this time.
      createdAt = (options.now ?? (() => new Date()))().toISOString();
      // The read transaction that pins the snapshot: it begins with the first read.
      db.exec('begin');
      if (!hasTable(db, 'kysely_migration'))
        throw new BackupError(
          `${source} is not a Revans database (it has no migration table): check DATA_DIR, or run \`revans migrate\` if this is a new installation.`,
          2,
        );
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `Cannot read the database ${source} (${(error as Error).message}): check that DATA_DIR is right and that this user may read it.`,
        1,
      );
    }
    const migrations = migrationsIn(db);
    const copy = path.join(staging, databaseName);
    const pagesPerStep = Math.max(1, options.pagesPerStep ?? defaultPagesPerStep);
    let steps = 0;
    let failure: unknown;
    const progress = await db
      .backup(copy, {
        progress: ({ totalPages, remainingPages }) => {
          steps += 1;
          options.onProgress?.('copy', totalPages - remainingPages, totalPages);
          if (options.signal?.aborted) {
            failure = new BackupError('The backup was stopped; nothing was written.', 1);
            throw failure;
          }
          return pagesPerStep;
        },
      })
      .catch((error: unknown) => {
        throw failure ?? cannotWrite(outDir, error, otherOut) ?? error;
      });
    options.onProgress?.('copy', progress.totalPages, progress.totalPages);
    db.exec('commit');
    db.close();
    db = undefined;
    aborted();

    // A single self-contained file: no write-ahead log beside it until a server opens it again.
    options.onProgress?.('check', 0, 1);
    const check = new SqliteDatabase(copy, { fileMustExist: true });
    let problems: string[];
    try {
      check.pragma('journal_mode = DELETE');
      problems = integrityProblems(check);
    } finally {
      check.close();
    }
    if (problems.length)
      throw new BackupError(
        `The copy of the database fails SQLite's integrity check (${problems.slice(0, 3).join('; ')}), so no backup was written. The database in DATA_DIR may itself be damaged: stop Revans, run \`sqlite3 ${source} "pragma integrity_check"\`, and if it reports problems restore your last good backup.`,
        1,
      );
    options.onProgress?.('check', 1, 1);
    aborted();

    const names = [manifestName, databaseName];
    const secretFile = path.join(dataDir, secretName);
    let secret: string | undefined;
    try {
      secret = await readFile(secretFile, 'utf8');
    } catch (error) {
      if (errorCode(error) !== 'ENOENT')
        throw new BackupError(
          `Cannot read ${secretFile} (${(error as Error).message}): run the backup as the user Revans runs as.`,
          2,
        );
    }
    if (secret !== undefined) {
      await writeFile(path.join(staging, secretName), secret, { mode: 0o600 });
      names.push(secretName);
    }
    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      createdAt,
      revansVersion: packageJson.version,
      database: {
        file: databaseName,
        bytes: (await stat(copy)).size,
        sha256: await sha256(copy),
        migrations,
      },
      authSecret:
        secret === undefined
          ? { included: false }
          : { included: true, sha256: createHash('sha256').update(secret).digest('hex') },
      leftOut: [
        'outbox/*.eml: copies of mail already handed over; the database keeps every mail and its state',
      ],
    };
    await writeFile(path.join(staging, manifestName), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });

    options.onProgress?.('pack', 0, manifest.database.bytes);
    const archive = path.join(staging, 'backup.tar.gz');
    const tar = await import('tar');
    await tar.create({ gzip: true, file: archive, cwd: staging, portable: true, mode: 0o600 }, names);
    await sync(archive);
    options.onProgress?.('pack', manifest.database.bytes, manifest.database.bytes);
    aborted();
    const archiveBytes = (await stat(archive)).size;
    if (options.force) {
      await rename(archive, out);
    } else if ((await placeWithoutReplacing(archive, out)) === 'exists') {
      throw new BackupError(
        `${out} appeared while the backup was being made: choose another name, or add --force to replace it.`,
        2,
      );
    }
    await sync(outDir);
    return { out, archiveBytes, manifest, pages: progress.totalPages, steps };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw cannotWrite(outDir, error, otherOut) ?? error;
  } finally {
    if (db?.open) {
      if (db.inTransaction) db.exec('rollback');
      db.close();
    }
    await rm(staging, { recursive: true, force: true });
  }
}

function notABackup(file: string, why: string): BackupError {
  return new BackupError(
    `${file} is not a Revans backup (${why}), so nothing was restored: give a file made by \`revans backup\`.`,
    1,
  );
}

function damaged(file: string, why: string): BackupError {
  return new BackupError(
    `${file} is damaged (${why}), so nothing was restored: use another copy of this backup, or an earlier one.`,
    1,
  );
}

function readManifest(file: string, text: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw damaged(file, `its ${manifestName} is not readable JSON`);
  }
  if (manifest?.format !== backupFormat)
    throw notABackup(file, `its ${manifestName} is not a Revans manifest`);
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > backupFormatVersion)
    throw new BackupError(
      `${file} was made by a newer Revans (${manifest.revansVersion}, backup format ${manifest.formatVersion}) than this one (${packageJson.version}), so nothing was restored: upgrade Revans, then restore.`,
      1,
    );
  if (typeof manifest.database?.sha256 !== 'string' || !Array.isArray(manifest.database.migrations))
    throw damaged(file, `its ${manifestName} is incomplete`);
  return manifest;
}

const countedTables: [table: string, one: string, many: string][] = [
  ['host', 'host', 'hosts'],
  ['person', 'person', 'people'],
  ['programme', 'programme', 'programmes'],
  ['learning_set', 'set', 'sets'],
  ['meeting', 'meeting', 'meetings'],
  ['journal_entry', 'journal entry', 'journal entries'],
  ['session', 'sign-in session', 'sign-in sessions'],
];

export interface RestoreOptions {
  file: string;
  dataDir: string;
  databaseUrl?: string | undefined;
}

/**
 * Restores a backup into an empty DATA_DIR. Everything is unpacked and checked in a folder of its
 * own inside DATA_DIR first (checksum, SQLite's integrity check, the migration table, migrations this
 * Revans knows); only then are the files moved into place, the database last, each atomically and
 * never over an existing file. On any refusal DATA_DIR is left as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  if (options.databaseUrl) throw new BackupError(postgresBackupAdvice('restore'), 2);
  const file = path.resolve(options.file);
  const dataDir = path.resolve(options.dataDir);
  const fileInfo = await stat(file).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT')
      throw new BackupError(`${file} does not exist: give the path of a file made by \`revans backup\`.`, 2);
    throw new BackupError(`Cannot read ${file} (${(error as Error).message}).`, 2);
  });
  if (!fileInfo.isFile())
    throw new BackupError(`${file} is not a file: give the path of a file made by \`revans backup\`.`, 2);
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new BackupError(
      `Cannot read ${file} (permission denied): run the restore as a user who may read it.`,
      2,
    );
  }

  const holdsDatabase = async () => {
    for (const name of databaseFiles) if (await exists(path.join(dataDir, name))) return name;
    return undefined;
  };
  const refuseNonEmpty = (name: string) =>
    new BackupError(
      `DATA_DIR (${dataDir}) already holds a database (${name}), so nothing was restored. Restore only into an empty data folder: set DATA_DIR to a new folder, or stop Revans and move the existing files away first.`,
      2,
    );
  const found = await holdsDatabase();
  if (found) throw refuseNonEmpty(found);

  const createdDataDir = !(await exists(dataDir));
  let staging: string | undefined;
  const placed: string[] = [];
  try {
    try {
      await mkdir(dataDir, { recursive: true });
      staging = await mkdtemp(path.join(dataDir, '.revans-restore-'));
    } catch (error) {
      throw cannotWrite(dataDir, error, 'another DATA_DIR') ?? error;
    }
    const allowed = new Set([manifestName, databaseName, secretName]);
    try {
      const tar = await import('tar');
      await tar.extract({
        file,
        cwd: staging,
        strict: true,
        // Entries as `revans backup` writes them, or `./name` from a folder re-packed by hand.
        filter: (entry, info) =>
          allowed.has(path.posix.normalize(entry)) && (!('type' in info) || info.type === 'File'),
      });
    } catch (error) {
      const cannot = cannotWrite(dataDir, error, 'another DATA_DIR');
      if (cannot) throw cannot;
      // A gzip file that tar cannot read to its end is a backup cut short or corrupted in transit.
      const head = Buffer.alloc(2);
      const handle = await open(file, 'r');
      await handle.read(head, 0, 2, 0).finally(() => handle.close());
      if (head[0] === 0x1f && head[1] === 0x8b)
        throw damaged(file, `it cannot be unpacked to its end: ${(error as Error).message}`);
      throw notABackup(file, `it cannot be read as a compressed tar archive: ${(error as Error).message}`);
    }
    const present = new Set(await readdir(staging));
    if (!present.has(manifestName)) throw notABackup(file, `it holds no ${manifestName}`);
    const manifest = readManifest(file, await readFile(path.join(staging, manifestName), 'utf8'));
    const copy = path.join(staging, databaseName);
    if (!present.has(databaseName)) throw damaged(file, `it holds no ${databaseName}`);
    if ((await sha256(copy)) !== manifest.database.sha256)
      throw damaged(
        file,
        `its ${databaseName} does not match the checksum recorded when the backup was made`,
      );

    let db: SqliteDatabase.Database;
    try {
      db = new SqliteDatabase(copy, { fileMustExist: true });
    } catch (error) {
      throw damaged(file, `its ${databaseName} cannot be opened: ${(error as Error).message}`);
    }
    let migrations: string[];
    const counts: Record<string, string> = {};
    try {
      let problems: string[];
      try {
        problems = integrityProblems(db);
      } catch (error) {
        throw damaged(file, `its database cannot be checked: ${(error as Error).message}`);
      }
      if (problems.length)
        throw damaged(
          file,
          `its database fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`,
        );
      if (!hasTable(db, 'kysely_migration'))
        throw notABackup(file, 'its database has no migration table, so it is not a Revans database');
      migrations = migrationsIn(db);
      for (const [table, one, many] of countedTables) {
        if (!hasTable(db, table)) continue;
        const n = (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
        counts[table] = `${n} ${n === 1 ? one : many}`;
      }
    } finally {
      db.close();
    }
    const unknown = migrations.filter((name) => !migrationNames.includes(name));
    if (unknown.length)
      throw new BackupError(
        `${file} was made by a newer Revans (${manifest.revansVersion}): its database has migrations this Revans (${packageJson.version}) does not know (${unknown.join(', ')}), so nothing was restored. Upgrade Revans, then restore.`,
        1,
      );

    let authSecret: RestoreResult['authSecret'] = 'not in backup';
    const secretCopy = path.join(staging, secretName);
    const secretTarget = path.join(dataDir, secretName);
    if (manifest.authSecret?.included) {
      if (!present.has(secretName))
        throw damaged(file, `it holds no ${secretName}, though its manifest lists one`);
      const secret = await readFile(secretCopy, 'utf8');
      if (createHash('sha256').update(secret).digest('hex') !== manifest.authSecret.sha256)
        throw damaged(
          file,
          `its ${secretName} does not match the checksum recorded when the backup was made`,
        );
      const current = await readFile(secretTarget, 'utf8').catch(() => undefined);
      if (current !== undefined && current.trim() !== secret.trim())
        throw new BackupError(
          `DATA_DIR (${dataDir}) already holds a different auth-secret, so nothing was restored: move ${secretTarget} away (it belongs to another installation), then restore again.`,
          2,
        );
      authSecret = current === undefined ? 'restored' : 'already in place';
      await chmod(secretCopy, 0o600);
    }

    // Everything checked: move the files into place, each atomically, the database last.
    await sync(copy);
    if (authSecret === 'restored') {
      await sync(secretCopy);
      if ((await placeWithoutReplacing(secretCopy, secretTarget)) === 'exists')
        throw new BackupError(
          `${secretTarget} appeared while the backup was being restored, so nothing was restored: make sure no Revans runs on DATA_DIR, then restore again.`,
          2,
        );
      placed.push(secretTarget);
    }
    const again = await holdsDatabase();
    if (again) throw refuseNonEmpty(again);
    const target = sqlitePath(dataDir);
    if ((await placeWithoutReplacing(copy, target)) === 'exists') throw refuseNonEmpty(databaseName);
    placed.length = 0;
    await sync(dataDir);
    const latestMigration = migrations.at(-1);
    return {
      dataDir,
      manifest,
      latestMigration,
      pendingMigrations: migrationNames.filter((name) => !migrations.includes(name)).length,
      counts,
      authSecret,
    };
  } finally {
    // Undo a partial placement, so a refused restore leaves DATA_DIR as it found it.
    for (const file of placed) await rm(file, { force: true });
    if (staging) await rm(staging, { recursive: true, force: true });
    if (createdDataDir) await rmdir(dataDir).catch(() => {});
  }
}
