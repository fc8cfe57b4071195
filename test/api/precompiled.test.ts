import type { KyselyPlugin, PluginTransformQueryArgs } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/server/store/db.ts';
import { migrateToLatest } from '../../src/server/store/migrate.ts';
import { precompiled } from '../../src/server/store/precompiled.ts';
import { createTestDatabase, storeKinds, type TestDatabase } from '../support/databases.ts';

/** Counts how often Kysely builds a query through the plugins, i.e. compiles it. */
class CompileCounter implements KyselyPlugin {
  compiled = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    this.compiled++;
    return args.node;
  }
  async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
    return args.result;
  }
}

const organisationByHost = precompiled((db, p: { hostId: string; name: string }) =>
  db
    .selectFrom('organisation')
    .select(['id', 'name', 'hostId'])
    .where('hostId', '=', p.hostId)
    .where('name', '!=', p.name)
    .where('archivedAt', 'is', null)
    .orderBy('name'),
);

describe.each(storeKinds)('precompiled reads on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  afterEach(async () => {
    await store.destroy();
    await database.drop();
  });

  async function seeded() {
    database = await createTestDatabase(kind);
    store = openStore({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    await migrateToLatest(store.plain);
    const now = new Date().toISOString();
    for (const [id, name] of [
      ['h1', 'North'],
      ['h2', 'South'],
    ])
      await store.db
        .insertInto('host')
        .values({
          id,
          name,
          defaultTimeZone: 'UTC',
          defaultLanguage: 'en',
          createdAt: now,
          updatedAt: now,
        } as never)
        .execute();
    for (const [id, hostId, name] of [
      ['o1', 'h1', 'Archive trust'],
      ['o2', 'h1', 'Bridge charity'],
      ['o3', 'h2', 'Canal council'],
    ])
      await store.db
        .insertInto('organisation')
        .values({ id, hostId, name, archivedAt: null, createdAt: now, updatedAt: now } as never)
        .execute();
  }

  it('answers as the same query built each time would, for each call’s values, with camelCase names', async () => {
    await seeded();
    expect(await organisationByHost.execute(store.db, { hostId: 'h1', name: 'nobody' })).toEqual([
      { id: 'o1', name: 'Archive trust', hostId: 'h1' },
      { id: 'o2', name: 'Bridge charity', hostId: 'h1' },
    ]);
    expect(await organisationByHost.execute(store.db, { hostId: 'h1', name: 'Archive trust' })).toEqual([
      { id: 'o2', name: 'Bridge charity', hostId: 'h1' },
    ]);
    expect(await organisationByHost.takeFirst(store.db, { hostId: 'h2', name: 'x' })).toEqual({
      id: 'o3',
      name: 'Canal council',
      hostId: 'h2',
    });
    expect(await organisationByHost.takeFirst(store.db, { hostId: 'h3', name: 'x' })).toBeUndefined();
  });

  it('compiles once per database, however many calls follow', async () => {
    await seeded();
    const counter = new CompileCounter();
    const counted = store.db.withPlugin(counter);
    const query = precompiled((db, p: { hostId: string }) =>
      db.selectFrom('organisation').select('id').where('hostId', '=', p.hostId),
    );
    for (let i = 0; i < 5; i++) await query.execute(counted, { hostId: 'h1' });
    expect(counter.compiled).toBe(1);
    await counted.selectFrom('organisation').select('id').execute();
    expect(counter.compiled).toBe(2);
  });

  it('refuses a list for a placeholder and a placeholder that is not a bound value', async () => {
    await seeded();
    await expect(
      organisationByHost.execute(store.db, { hostId: ['h1', 'h2'] as never, name: 'x' }),
    ).rejects.toThrow(/needs a single value/);
    const misused = precompiled((db, p: { column: string }) =>
      db
        .selectFrom('organisation')
        .select('id')
        .orderBy(p.column as never),
    );
    await expect(misused.execute(store.db, { column: 'name' })).rejects.toThrow(/not a bound value/);
  });
});
