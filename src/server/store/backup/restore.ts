import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, open, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import packageJson from '../../../../package.json' with { type: 'json' };
import { sqlitePath } from '../db.ts';
import { migrationNames } from '../migrate.ts';
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
