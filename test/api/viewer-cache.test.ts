/**
 * On SQLite the busiest signed-in reads are remembered per session while no row changes
 * (src/server/http/viewer-cache.ts). What people must never notice: a stale answer after any change,
 * by this server, by another connection to the same file, or by the clock; or another person's answer.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../src/server/store/db.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildWorld, type World } from '../support/world.ts';

describe('remembered reads (SQLite)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  const setPage = (cookie: string, setId = w.setA) =>
    t.call({ method: 'GET', url: `/api/sets/${setId}`, cookie });
  const rename = async (name: string) => {
    const response = await t.call({
      method: 'PATCH',
      url: `/api/sets/${w.setA}`,
      cookie: w.cookies.coordinator,
      payload: { name },
    });
    expect(response.statusCode).toBe(200);
  };

  it('remembers a member’s set page, and shows the coordinator’s rename on the very next read', async () => {
    expect(t.ctx.viewerCache).toBeDefined();
    const first = await setPage(w.cookies.memberA);
    expect(first.statusCode).toBe(200);
    const second = await setPage(w.cookies.memberA);
    expect(second.body).toBe(first.body);
    // The same answer in every respect a browser sees: status, type, security and caching headers.
    // (The date and the rate limit's countdown move with each request, remembered or not.)
    const { date: _d1, 'x-ratelimit-remaining': _r1, ...firstHeaders } = first.headers;
    const { date: _d2, 'x-ratelimit-remaining': _r2, ...secondHeaders } = second.headers;
    expect(secondHeaders).toEqual(firstHeaders);
    expect(t.ctx.viewerCache?.entries.answers).toBeGreaterThan(0);
    await rename('Set Osprey');
    expect((await setPage(w.cookies.memberA)).json().name).toBe('Set Osprey');
  });

  it('shows a change made through another connection to the same file (another process) at once', async () => {
    expect((await setPage(w.cookies.memberA)).statusCode).toBe(200);
    const other = new Database(sqlitePath(path.resolve(t.ctx.config.dataDir)));
    try {
      other.pragma('busy_timeout = 5000');
      other.prepare('update learning_set set name = ? where id = ?').run('Set Merlin', w.setA);
    } finally {
      other.close();
    }
    expect((await setPage(w.cookies.memberA)).json().name).toBe('Set Merlin');
  });

  it('locks a member out of the set at once when the coordinator removes them', async () => {
    expect((await setPage(w.cookies.memberA2)).statusCode).toBe(200);
    const removed = await t.call({
      method: 'DELETE',
      url: `/api/sets/${w.setA}/members/${w.people.memberA2}`,
      cookie: w.cookies.coordinator,
    });
    expect(removed.statusCode).toBe(200);
    expect([403, 404]).toContain((await setPage(w.cookies.memberA2)).statusCode);
  });

  it('never answers one person with what another was answered at the same address', async () => {
    const a = await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.memberA });
    const b = await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.memberB });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(a.json().person.id).toBe(w.people.memberA);
    expect(b.json().person.id).toBe(w.people.memberB);
    expect((await setPage(w.cookies.memberA)).statusCode).toBe(200);
    expect([403, 404]).toContain((await setPage(w.cookies.memberB)).statusCode);
    expect([403, 404]).toContain((await setPage(w.cookies.outsider)).statusCode);
  });
});
