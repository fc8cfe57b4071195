import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

describe.each(storeKinds)('the question coach switches, on %s', (kind) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const setCoach = (role: Role | null, setId = w.setA) =>
    t.call({ method: 'GET', url: `/api/sets/${setId}/coach`, ...(role ? { cookie: w.cookies[role] } : {}) });
  const switchSet = (role: Role, enabled: boolean, setId = w.setA) =>
    t.call({
      method: 'PUT',
      url: `/api/sets/${setId}/coach`,
      cookie: w.cookies[role],
      payload: { enabled },
    });
  const switchMine = (role: Role, enabled: boolean) =>
    t.call({ method: 'PUT', url: '/api/me/coach', cookie: w.cookies[role], payload: { enabled } });

  it('is on for the set and for each person until someone switches it off', async () => {
    const response = await setCoach('memberA');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      set: { enabled: true, updatedAt: null },
      mine: { enabled: true },
      active: true,
      abilities: { 'set.configureCoach': false, 'coach.readShares': true },
    });
    expect((await setCoach('facilitatorA')).json().abilities['set.configureCoach']).toBe(true);
  });

  it("lets the set's facilitator switch it off for the whole set, and on again", async () => {
    const off = await switchSet('facilitatorA', false);
    expect(off.statusCode).toBe(200);
    expect(off.json().set.enabled).toBe(false);
    const seenByMember = (await setCoach('memberA2')).json();
    expect(seenByMember.set.enabled).toBe(false);
    expect(seenByMember.active).toBe(false);
    expect(seenByMember.mine.enabled).toBe(true);
    expect(seenByMember.set.updatedAt).toEqual(expect.any(String));
    const on = await switchSet('facilitatorA', true);
    expect(on.json().active).toBe(true);
    expect((await setCoach('memberA2')).json().set.enabled).toBe(true);
  });

  it('refuses a member of a facilitated set, with a reason and no change', async () => {
    const response = await switchSet('memberA', false);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().action).toBe('set.configureCoach');
    expect(response.json().detail).toContain('Only the set’s facilitator can switch the question coach');
    expect((await setCoach('memberA')).json().set.enabled).toBe(true);
  });

  it.each<[Role | null, number]>([
    ['memberB', 404],
    ['outsider', 404],
    ['coordinator', 403],
    ['admin', 403],
    [null, 401],
  ])('keeps the set switch from %s (%i)', async (role, status) => {
    expect((await setCoach(role)).statusCode).toBe(status);
    if (role) expect((await switchSet(role, false)).statusCode).toBe(status);
  });

  it('lets any member of a self-facilitated set switch it for the set', async () => {
    const mode = await t.call({
      method: 'PATCH',
      url: `/api/sets/${w.setB}`,
      cookie: w.cookies.admin,
      payload: { mode: 'self_facilitated' },
    });
    expect(mode.statusCode).toBe(200);
    const off = await switchSet('memberB', false, w.setB);
    expect(off.statusCode).toBe(200);
    expect(off.json().set.enabled).toBe(false);
    expect((await switchSet('coordinator', true, w.setB)).statusCode).toBe(403);
  });

  it("keeps a person's own switch for them, in every set and on every device", async () => {
    const mine = await switchMine('memberA', false);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({ enabled: false });
    // Read back through a fresh request (another device) and through the set.
    expect((await t.call({ method: 'GET', url: '/api/me/coach', cookie: w.cookies.memberA })).json()).toEqual(
      {
        enabled: false,
      },
    );
    const inSet = (await setCoach('memberA')).json();
    expect(inSet).toMatchObject({ set: { enabled: true }, mine: { enabled: false }, active: false });
    // Nobody else's switch moved.
    expect((await setCoach('memberA2')).json().active).toBe(true);
    expect((await switchMine('memberA', true)).json()).toEqual({ enabled: true });
    expect((await setCoach('memberA')).json().active).toBe(true);
  });

  it('turns away bad input and anonymous callers with a problem', async () => {
    const bad = await t.call({
      method: 'PUT',
      url: '/api/me/coach',
      cookie: w.cookies.memberA,
      payload: { enabled: 'no' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await t.call({ method: 'GET', url: '/api/me/coach' })).statusCode).toBe(401);
    expect((await setCoach('memberA', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
