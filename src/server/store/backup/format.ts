// The file `revans backup` writes (create.ts) and `revans restore` reads (restore.ts): the logic, so the
// commands stay thin and tests can read it.
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
export const databaseName = 'revans.sqlite';
export const secretName = 'auth-secret';
export const manifestName = 'manifest.json';
/** Files in DATA_DIR that mean it already holds a database (SQLite's own companions included). */
export const databaseFiles = [
  databaseName,
  `${databaseName}-wal`,
  `${databaseName}-shm`,
  `${databaseName}-journal`,
];

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
