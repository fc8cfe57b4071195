import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { PipelinedConnection } from './pg-pipeline.ts';

describe('a pipelined PostgreSQL connection', () => {
  let database: TestDatabase;
  let pipeline: PipelinedConnection;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    admin = new pg.Client({ connectionString: database.databaseUrl });
    await admin.connect();
    await admin.query('create table note (id int primary key, text text not null)');
    pipeline = new PipelinedConnection(pg, database.databaseUrl ?? '');
  });
  afterAll(async () => {
    await pipeline?.close();
    await admin?.end();
    await database?.drop();
  });

  const notes = async () => (await admin.query('select id, text from note order by id')).rows;

  it('undoes only the transaction a failing statement is in, not the ones sent behind it', async () => {
    const outcomes = await pipeline.send([
      { sql: 'begin' },
      { sql: 'insert into note values ($1, $2)', params: [1, 'kept'] },
      { sql: 'commit' },
      { sql: 'begin' },
      { sql: 'insert into note values ($1, $2)', params: [2, 'undone with its transaction'] },
      { sql: 'insert into note values ($1, $2)', params: [1, 'a second note 1'] },
      { sql: 'insert into note values ($1, $2)', params: [3, 'after the failure'] },
      { sql: 'commit' },
      { sql: 'begin' },
      { sql: 'insert into note values ($1, $2)', params: [4, 'sent behind the failure'] },
      { sql: 'commit' },
    ]);
    expect(outcomes.map((o) => (o.ok ? o.command : o.error.code))).toEqual([
      'BEGIN',
      'INSERT',
      'COMMIT',
      'BEGIN',
      'INSERT',
      '23505',
      '25P02',
      'ROLLBACK',
      'BEGIN',
      'INSERT',
      'COMMIT',
    ]);
    expect(await notes()).toEqual([
      { id: 1, text: 'kept' },
      { id: 4, text: 'sent behind the failure' },
    ]);
  });

  it('opens a new connection after the server ended the old one', async () => {
    const [pid] = await pipeline.send([{ sql: 'select pg_backend_pid()' }]);
    expect(pid?.ok).toBe(true);
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`,
    );
    // The loss is reported to what was sent on the old connection; what follows gets a new one.
    let outcome = await pipeline
      .send([{ sql: 'insert into note values ($1, $2)', params: [5, 'after'] }])
      .catch((error: Error) => [{ ok: false as const, error }]);
    for (let attempt = 0; attempt < 3 && !outcome[0]?.ok; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      outcome = await pipeline.send([{ sql: 'insert into note values ($1, $2)', params: [5, 'after'] }]);
    }
    expect(outcome[0]?.ok).toBe(true);
    expect((await notes()).map((n) => n.id)).toContain(5);
  });
});
