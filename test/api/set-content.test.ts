import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

const intake = { real: true, current: true, openEnded: true, mineToActOn: true };

describe.each(storeKinds)('set content stays in the set, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let problemId: string;
  let actionId: string;
  let meetingId: string;
  let privateEntry: string;
  let sharedEntry: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    const as = async (role: Role, method: string, url: string, payload?: object) => {
      const r = await t.call({
        method: method as 'POST',
        url,
        cookie: w.cookies[role],
        ...(payload ? { payload } : {}),
      });
      if (r.statusCode >= 300) throw new Error(`${method} ${url} -> ${r.statusCode} ${r.body}`);
      return r.json();
    };
    problemId = (
      await as('memberA', 'POST', `/api/sets/${w.setA}/problems`, {
        title: 'Building a partnership',
        story: 'Our partner stopped answering.',
        kind: 'how-i-operate',
        intake,
      })
    ).id;
    actionId = (
      await as('memberA', 'POST', `/api/sets/${w.setA}/actions`, {
        text: 'Call the partner on Monday',
        problemId,
      })
    ).id;
    meetingId = (
      await as('facilitatorA', 'POST', `/api/sets/${w.setA}/meetings`, {
        localStart: '2027-03-31T10:00',
        timeZone: 'Europe/London',
        place: 'BOND office',
      })
    ).id;
    await as('memberA2', 'PUT', `/api/meetings/${meetingId}/attendance/me`, {
      status: 'apologies',
      note: 'My manager is ill; covering her board meeting.',
    });
    privateEntry = (
      await as('memberA', 'POST', `/api/sets/${w.setA}/journal`, { answers: { myself: 'I avoid conflict.' } })
    ).id;
    sharedEntry = (
      await as('memberA', 'POST', `/api/sets/${w.setA}/journal`, {
        answers: { theSet: 'The set helped me see it.' },
        visibility: 'set',
      })
    ).id;
  });
  afterAll(() => t.close());

  const roles: Role[] = [
    'admin',
    'coordinator',
    'facilitatorA',
    'memberA',
    'memberA2',
    'memberB',
    'outsider',
  ];
  const rows: { name: string; url: () => string; expect: number[] }[] = [
    // columns:                          admin coord facA memA memA2 memB outsider
    {
      name: "the set's problems",
      url: () => `/api/sets/${w.setA}/problems`,
      expect: [403, 403, 200, 200, 200, 404, 404],
    },
    {
      name: 'one problem',
      url: () => `/api/problems/${problemId}`,
      expect: [404, 404, 200, 200, 200, 404, 404],
    },
    {
      name: "the set's actions",
      url: () => `/api/sets/${w.setA}/actions`,
      expect: [403, 403, 200, 200, 200, 404, 404],
    },
    {
      name: 'one action',
      url: () => `/api/actions/${actionId}`,
      expect: [404, 404, 200, 200, 200, 404, 404],
    },
    {
      name: 'a private journal entry',
      url: () => `/api/journal/${privateEntry}`,
      expect: [404, 404, 404, 200, 404, 404, 404],
    },
    {
      name: 'a shared journal entry',
      url: () => `/api/journal/${sharedEntry}`,
      expect: [404, 404, 200, 200, 200, 404, 404],
    },
    {
      name: 'the meeting (logistics)',
      url: () => `/api/meetings/${meetingId}`,
      expect: [200, 200, 200, 200, 200, 404, 404],
    },
  ];

  it.each(rows)('who may read $name', async ({ url, expect: expected }) => {
    const actual: Record<string, number> = {};
    for (const role of roles)
      actual[role] = (await t.call({ method: 'GET', url: url(), cookie: w.cookies[role] })).statusCode;
    expect(actual).toEqual(Object.fromEntries(roles.map((r, i) => [r, expected[i]])));
  });

  it('shows apologies to the coordinator but keeps the note for the set', async () => {
    const asCoordinator = (
      await t.call({ method: 'GET', url: `/api/meetings/${meetingId}`, cookie: w.cookies.coordinator })
    ).json();
    const asMember = (
      await t.call({ method: 'GET', url: `/api/meetings/${meetingId}`, cookie: w.cookies.memberA })
    ).json();
    const a2 = (m: { attendance: { personId: string }[] }) =>
      m.attendance.find((a) => a.personId === w.people.memberA2);
    expect(a2(asCoordinator)).toMatchObject({ status: 'apologies' });
    expect(a2(asCoordinator)).not.toHaveProperty('apologyNote');
    expect(a2(asMember)).toMatchObject({
      status: 'apologies',
      apologyNote: 'My manager is ill; covering her board meeting.',
    });
    expect(asMember.expectedCount).toBe(asMember.attendance.length - 1);
  });

  it('keeps the meeting at 10:00 London time across the clock change, with the UTC instant moving', async () => {
    const meeting = (
      await t.call({ method: 'GET', url: `/api/meetings/${meetingId}`, cookie: w.cookies.memberA })
    ).json();
    expect(meeting).toMatchObject({
      localStart: '2027-03-31T10:00',
      startsAt: '2027-03-31T09:00:00.000Z',
      timeZone: 'Europe/London',
    });
  });

  it('keeps every reframe of a problem, newest as its statement', async () => {
    await t.call({
      method: 'POST',
      url: `/api/problems/${problemId}/reframes`,
      cookie: w.cookies.memberA,
      payload: { statement: 'I have not said what I need from the partner.' },
    });
    const problem = (
      await t.call({ method: 'GET', url: `/api/problems/${problemId}`, cookie: w.cookies.memberA2 })
    ).json();
    expect(problem.statement).toBe('I have not said what I need from the partner.');
    expect(problem.history.map((h: { statement: string }) => h.statement)).toEqual([
      'Our partner stopped answering.',
      'I have not said what I need from the partner.',
    ]);
    const notOwner = await t.call({
      method: 'POST',
      url: `/api/problems/${problemId}/reframes`,
      cookie: w.cookies.memberA2,
      payload: { statement: 'Hijack' },
    });
    expect(notOwner.statusCode).toBe(403);
  });

  it('lets only the owner record how an action went, and lists my actions across sets', async () => {
    const other = await t.call({
      method: 'PATCH',
      url: `/api/actions/${actionId}`,
      cookie: w.cookies.memberA2,
      payload: { status: 'done' },
    });
    expect(other.statusCode).toBe(403);
    const own = await t.call({
      method: 'PATCH',
      url: `/api/actions/${actionId}`,
      cookie: w.cookies.memberA,
      payload: { status: 'partly', outcomeNote: 'We spoke; no agreement yet.' },
    });
    expect(own.json()).toMatchObject({ status: 'partly', outcomeNote: 'We spoke; no agreement yet.' });
    const mine = (await t.call({ method: 'GET', url: '/api/me/actions', cookie: w.cookies.memberA })).json();
    expect(mine.map((a: { text: string }) => a.text)).toEqual(['Call the partner on Monday']);
    expect(
      (await t.call({ method: 'GET', url: '/api/me/actions', cookie: w.cookies.memberA2 })).json(),
    ).toEqual([]);
  });

  it("lists a member's own journal entries and the set's shared ones, never another's private entry", async () => {
    const forA2 = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/journal`, cookie: w.cookies.memberA2 })
    ).json();
    expect(forA2.map((e: { id: string }) => e.id)).toEqual([sharedEntry]);
    const forA = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/journal`, cookie: w.cookies.memberA })
    ).json();
    expect(forA.map((e: { id: string }) => e.id).sort()).toEqual([privateEntry, sharedEntry].sort());
  });
});
