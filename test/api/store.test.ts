import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/store/db.ts';
import { latestMigration, migrateToLatest, pendingMigrations } from '../../src/server/store/migrate.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase, storeKinds } from '../support/databases.ts';

describe.each(storeKinds)('the store on %s', (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('migrates an empty database to the latest version, and running again changes nothing', async () => {
    const database = await createTestDatabase(kind);
    const store = openStore({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    try {
      expect(await pendingMigrations(store.plain)).toContain(latestMigration);
      await migrateToLatest(store.plain);
      expect(await pendingMigrations(store.plain)).toEqual([]);
      const again = await migrateToLatest(store.plain);
      expect(again.results).toEqual([]);
    } finally {
      await store.destroy();
      await database.drop();
    }
  });

  it("creates the accounts library's tables exactly as it expects them (it validates them on first use)", async () => {
    t = await createTestApp(kind);
    const context = await t.ctx.auth.$context;
    // better-auth introspects the schema here and throws when a table or column is missing or mistyped.
    await expect(context.internalAdapter.findUserByEmail('nobody@example.org')).resolves.toBeNull();
    const { getMigrations } = await import('better-auth/db/migration');
    const plan = await getMigrations(t.ctx.auth.options);
    expect(plan.toBeCreated.map((table) => table.table)).toEqual([]);
    expect(plan.toBeAdded.map((table) => table.table)).toEqual([]);
  });

  it('reports ready only when the database is reachable and migrated', async () => {
    t = await createTestApp(kind);
    const ready = await t.call({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: kind });
    expect((await t.call({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await t.ctx.store.plain.deleteFrom('kysely_migration').where('name', '=', latestMigration).execute();
    const notReady = await t.call({ method: 'GET', url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().detail).toContain(latestMigration);
  });
});
