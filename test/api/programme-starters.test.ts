import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/contract/audit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

/** Issue 13, item 16: a host admin lets a coordinator start programmes; they coordinate what they start. */
describe.each(storeKinds)('people who may start programmes, on %s', (kind) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const startProgramme = (cookie: string, name: string) =>
    t.call({ method: 'POST', url: `/api/hosts/${w.hostId}/programmes`, cookie, payload: { name } });
  const audited = async (action: string) => {
    const r = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/audit?action=${action}&limit=1`,
      cookie: w.cookies.admin,
    });
    return (r.json() as { events: AuditEvent[] }).events[0];
  };

  it('refuses a coordinator without the flag, as before', async () => {
    const me = (await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.coordinator })).json();
    expect(me.abilities['programme.create']).toBe(false);
    expect((await startProgramme(w.cookies.coordinator, 'Not yet')).statusCode).toBe(403);
  });

  it('lets only a host admin set the flag, and records it in the audit trail', async () => {
    const url = `/api/people/${w.people.coordinator}/programme-starter`;
    const byCoordinator = await t.call({
      method: 'PUT',
      url,
      cookie: w.cookies.coordinator,
      payload: { mayStart: true },
    });
    expect(byCoordinator.statusCode).toBe(403);
    expect(byCoordinator.headers['content-type']).toMatch(/^application\/problem\+json/);
    const r = await t.call({ method: 'PUT', url, cookie: w.cookies.admin, payload: { mayStart: true } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().mayStartProgrammes).toBe(true);
    const event = await audited('programmeStarter.granted');
    expect(event).toMatchObject({
      actorId: w.people.admin,
      targetId: w.people.coordinator,
      targetLabel: 'coordinator person <coordinator@example.org>',
    });
  });

  it('lets the coordinator with the flag start a programme, which they then coordinate', async () => {
    const me = (await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.coordinator })).json();
    expect(me.abilities['programme.create']).toBe(true);
    const r = await startProgramme(w.cookies.coordinator, 'Their own programme');
    expect(r.statusCode, r.body).toBe(201);
    const programme = r.json();
    expect(programme.coordinators.map((c: { personId: string }) => c.personId)).toEqual([
      w.people.coordinator,
    ]);
    // A fresh request sees them as its coordinator: they can add a set to it.
    const set = await t.call({
      method: 'POST',
      url: `/api/programmes/${programme.id}/sets`,
      cookie: w.cookies.coordinator,
      payload: { name: 'Set one' },
    });
    expect(set.statusCode, set.body).toBe(201);
    expect(await audited('coordinator.added')).toMatchObject({
      actorId: w.people.coordinator,
      targetId: w.people.coordinator,
      details: { programmeId: programme.id },
    });
  });

  it('takes the flag away again: no more new programmes, the one started stays theirs', async () => {
    const r = await t.call({
      method: 'PUT',
      url: `/api/people/${w.people.coordinator}/programme-starter`,
      cookie: w.cookies.admin,
      payload: { mayStart: false },
    });
    expect(r.json().mayStartProgrammes).toBe(false);
    expect((await audited('programmeStarter.revoked'))?.targetId).toBe(w.people.coordinator);
    expect((await startProgramme(w.cookies.coordinator, 'One more')).statusCode).toBe(403);
  });
});
