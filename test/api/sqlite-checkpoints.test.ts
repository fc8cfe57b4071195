import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store, sqlitePath } from '../../src/server/store/db.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('SQLite under a steady stream of small commits', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.destroy();
    await database?.drop();
  });

  it('keeps the write-ahead log bounded while the log writer commits and a worker checkpoints, and loses no row', async () => {
    database = await createTestDatabase('sqlite');
    store = openStore({ dataDir: database.dataDir, walRestartPages: 4000 });
    const sqlite = store.sqlite!;
    await sqlite.run((_s, raw) =>
      raw.exec('create table stream (id integer primary key, body text not null)'),
    );
    const writer = sqlite.offload();
    expect(writer?.running).toBe(true);
    const body = 'x'.repeat(3000); // about a page a row, so every commit adds a page or more to the log
    const rows = 36_000;
    for (let i = 0; i < rows; i++) {
      const [outcome] = await writer!.commit([
        [{ sql: 'insert into stream (body) values (?)', params: [body] }],
      ]);
      expect(outcome).toBeNull();
      if (i % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 5)); // let the worker run
    }
    const walMiB = statSync(`${sqlitePath(database.dataDir)}-wal`).size / 2 ** 20;
    // 36,000 pages (about 145 MiB) went through the log; it was restarted rather than left to grow.
    // The bound leaves room for a loaded machine, where the worker's checkpoints fall further behind.
    expect(walMiB).toBeLessThan(72);
    const count = await sqlite.run((statement) => statement('select count(*) as n from stream').get());
    expect(count).toEqual({ n: rows });
  });
});
