import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

describe.each(storeKinds)('programmes, sets, people and organisations on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const admin = () => w.cookies.admin;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('creates a programme with the defaults of the method and updates its status, period and bounds', async () => {
    const created = await t.call({
      method: 'POST',
      url: `/api/hosts/${w.hostId}/programmes`,
      cookie: admin(),
      payload: { name: 'Partnership leaders', theme: 'Partnerships' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'draft',
      setSize: { min: 6, max: 8 },
      theme: 'Partnerships',
    });
    const id = created.json().id;
    const updated = await t.call({
      method: 'PATCH',
      url: `/api/programmes/${id}`,
      cookie: admin(),
      payload: {
        status: 'recruiting',
        startsOn: '2027-01-11',
        endsOn: '2027-12-17',
        setSize: { min: 5, max: 7 },
      },
    });
    expect(updated.json()).toMatchObject({
      status: 'recruiting',
      startsOn: '2027-01-11',
      endsOn: '2027-12-17',
      setSize: { min: 5, max: 7 },
    });
    const archived = await t.call({
      method: 'PATCH',
      url: `/api/programmes/${id}`,
      cookie: admin(),
      payload: { archived: true },
    });
    expect(archived.json().archived).toBe(true);
    const list = (
      await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/programmes`, cookie: admin() })
    ).json();
    expect(list.map((p: { id: string }) => p.id)).not.toContain(id);
    const withArchived = (
      await t.call({
        method: 'GET',
        url: `/api/hosts/${w.hostId}/programmes?includeArchived=true`,
        cookie: admin(),
      })
    ).json();
    expect(withArchived.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('renames and archives an organisation, refusing a duplicate name', async () => {
    const created = (
      await t.call({
        method: 'POST',
        url: `/api/hosts/${w.hostId}/organisations`,
        cookie: admin(),
        payload: { name: 'Tearfund' },
      })
    ).json();
    const dup = await t.call({
      method: 'POST',
      url: `/api/hosts/${w.hostId}/organisations`,
      cookie: admin(),
      payload: { name: 'Tearfund' },
    });
    expect(dup.statusCode).toBe(409);
    const renamed = await t.call({
      method: 'PATCH',
      url: `/api/organisations/${created.id}`,
      cookie: admin(),
      payload: { name: 'Tearfund UK', archived: true },
    });
    expect(renamed.json()).toMatchObject({ name: 'Tearfund UK', archived: true });
    const list = (
      await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/organisations`, cookie: admin() })
    ).json();
    expect(list.map((o: { name: string }) => o.name)).toEqual(['ActionAid', 'Oxfam', 'WaterAid']);
    expect(list.find((o: { name: string }) => o.name === 'Oxfam').people).toBeGreaterThan(0);
  });

  it('lets a person update their own profile but not archive themselves', async () => {
    const own = await t.call({
      method: 'PATCH',
      url: `/api/people/${w.people.memberA}`,
      cookie: w.cookies.memberA,
      payload: { jobRole: 'Head of learning', timeZone: 'Australia/Sydney' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ jobRole: 'Head of learning', timeZone: 'Australia/Sydney' });
    const archive = await t.call({
      method: 'PATCH',
      url: `/api/people/${w.people.memberA}`,
      cookie: w.cookies.memberA,
      payload: { archived: true },
    });
    expect(archive.statusCode).toBe(403);
  });

  it('searches people by name or email', async () => {
    const found = (
      await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/people?search=MEMBERB`, cookie: admin() })
    ).json();
    expect(found.map((p: { name: string }) => p.name)).toEqual(['memberB person']);
  });

  it('manages a set roster: roles, a self-facilitated set refuses a facilitator, members leave', async () => {
    const set = (
      await t.call({
        method: 'POST',
        url: `/api/programmes/${w.programmeId}/sets`,
        cookie: w.cookies.coordinator,
        payload: { name: 'Set C', mode: 'self_facilitated' },
      })
    ).json();
    const facilitator = await t.call({
      method: 'POST',
      url: `/api/sets/${set.id}/members`,
      cookie: w.cookies.coordinator,
      payload: { personId: w.people.facilitatorA, role: 'facilitator' },
    });
    expect(facilitator.statusCode).toBe(409);
    expect(facilitator.json().detail).toMatch(/self-facilitated/);
    await t.call({
      method: 'POST',
      url: `/api/sets/${set.id}/members`,
      cookie: w.cookies.coordinator,
      payload: { personId: w.people.memberB },
    });
    const twice = await t.call({
      method: 'POST',
      url: `/api/sets/${set.id}/members`,
      cookie: w.cookies.coordinator,
      payload: { personId: w.people.memberB },
    });
    expect(twice.statusCode).toBe(409);
    const switched = await t.call({
      method: 'PATCH',
      url: `/api/sets/${set.id}`,
      cookie: w.cookies.coordinator,
      payload: { mode: 'facilitated' },
    });
    expect(switched.json().mode).toBe('facilitated');
    const promoted = await t.call({
      method: 'PATCH',
      url: `/api/sets/${set.id}/members/${w.people.memberB}`,
      cookie: w.cookies.coordinator,
      payload: { role: 'facilitator' },
    });
    expect(promoted.json().roster).toEqual([
      expect.objectContaining({ name: 'memberB person', role: 'facilitator' }),
    ]);
    const removed = await t.call({
      method: 'DELETE',
      url: `/api/sets/${set.id}/members/${w.people.memberB}`,
      cookie: w.cookies.coordinator,
    });
    expect(removed.json().roster).toEqual([]);
    const seesIt = await t.call({ method: 'GET', url: `/api/sets/${set.id}`, cookie: w.cookies.memberB });
    expect(seesIt.statusCode).toBe(404);
  });

  it('warns when a facilitator comes from a member’s own organisation', async () => {
    const set = (
      await t.call({
        method: 'POST',
        url: `/api/programmes/${w.programmeId}/sets`,
        cookie: admin(),
        payload: { name: 'Set D' },
      })
    ).json();
    // Everyone in the world is spread over three organisations in order; coordinator and memberA share one.
    await t.call({
      method: 'POST',
      url: `/api/sets/${set.id}/members`,
      cookie: admin(),
      payload: { personId: w.people.coordinator, role: 'facilitator' },
    });
    const result = (
      await t.call({
        method: 'POST',
        url: `/api/sets/${set.id}/members`,
        cookie: admin(),
        payload: { personId: w.people.memberA },
      })
    ).json();
    expect(result.warnings).toEqual([
      { kind: 'facilitator-same-organisation', people: ['coordinator person', 'memberA person'] },
    ]);
  });
});
