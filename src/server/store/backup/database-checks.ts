import type SqliteDatabase from 'better-sqlite3';

export function integrityProblems(db: SqliteDatabase.Database): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

export function hasTable(db: SqliteDatabase.Database, name: string): boolean {
  return !!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name);
}

export function migrationsIn(db: SqliteDatabase.Database): string[] {
  return (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}
