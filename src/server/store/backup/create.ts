import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import packageJson from '../../../../package.json' with { type: 'json' };
import { sqlitePath } from '../db.ts';
import { hasTable, integrityProblems, migrationsIn } from './database-checks.ts';
import { cannotWrite, errorCode, exists, placeWithoutReplacing, sha256, sync } from './files.ts';
import {
  BackupError,
  type BackupManifest,
  backupFormat,
  backupFormatVersion,
  databaseFiles,
  databaseName,
  manifestName,
  postgresBackupAdvice,
  secretName,
} from './format.ts';

/** Database pages (4 KiB each by default) copied per step: the progress bar moves once per step. */
export const defaultPagesPerStep = 1024;

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
