// Pulses after meetings: each member answers once (and may change or withdraw it), anonymously to
// everyone; the set sees aggregates and comments only over K answers, the programme's coordinators only
// monthly aggregates, and no response ever carries a person's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';
import { addMembers, ok } from './feedback-support.ts';

const start = new Date('2027-03-01T09:00:00.000Z');

describe.each(storeKinds)('pulses after meetings, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let clock = start;
  let meetingId: string;
  let extra: { id: string; cookie: string }[];
  const allIds = () => [...Object.values(w.people), ...extra.map((e) => e.id)];
  const as = (who: Role | string, method: string, url: string, payload?: object) =>
    t.call({
      method: method as 'GET',
      url,
      cookie: (w.cookies as Record<string, string>)[who] ?? who,
      ...(payload ? { payload } : {}),
    });
  const pulseOf = (who: Role | string) => as(who, 'GET', `/api/meetings/${meetingId}/pulse`);
  const answer = (who: Role | string, useful: number, safe: number, comment = '') =>
    as(who, 'PUT', `/api/meetings/${meetingId}/pulse`, { useful, safe, comment });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
    extra = await addMembers(t, w, w.setA, ['Pia', 'Quinn']);
    const meeting = await ok(
      await as('facilitatorA', 'POST', `/api/sets/${w.setA}/meetings`, {
        localStart: '2027-03-02T10:00',
        timeZone: 'UTC',
        durationMinutes: 120,
      }),
    );
    meetingId = meeting.id;
  });
  afterAll(() => t.close());

  it('takes no pulse before the meeting is over, with a sentence that says so', async () => {
    const early = await answer('memberA', 4, 4);
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toMatch(/problem\+json/);
    expect(early.json().detail).toMatch(/not over yet/);
    expect((await pulseOf('memberA')).json()).toMatchObject({ open: false, canAnswer: true, mine: null });
  });

  it('lets members answer, change and see their own answer; not the facilitator or anyone outside', async () => {
    clock = new Date('2027-03-02T12:30:00.000Z');
    const mine = await ok(await answer('memberA', 3, 4, 'Good questions today'));
    expect(mine).toMatchObject({ open: true, mine: { useful: 3, safe: 4, comment: 'Good questions today' } });
    const changed = await ok(await answer('memberA', 5, 4, 'Good questions today'));
    expect(changed.mine.useful).toBe(5);
    expect(changed.summary.count).toBe(1);
    // Bad input: a sentence per field, never a 500.
    const bad = await answer('memberA2', 6, 0);
    expect(bad.statusCode).toBe(400);
    // The facilitator reads the set's aggregates but gives no pulse; coordinators and admins neither.
    expect((await answer('facilitatorA', 4, 4)).statusCode).toBe(403);
    expect((await pulseOf('facilitatorA')).json()).toMatchObject({ canAnswer: false, mine: null });
    for (const role of ['coordinator', 'admin'] as Role[]) {
      expect((await pulseOf(role)).statusCode, role).toBe(403);
      expect((await answer(role, 4, 4)).statusCode, role).toBe(403);
    }
    for (const role of ['memberB', 'otherCoordinator', 'outsider'] as Role[])
      expect((await pulseOf(role)).statusCode, role).toBe(404);
  });

  it('shows only a count below K (default 5), even to the set, and no comments', async () => {
    await ok(await answer('memberA2', 4, 2, 'I held back'));
    await ok(await answer(extra[0]!.cookie, 4, 5));
    await ok(await answer(extra[1]!.cookie, 2, 3, 'Too rushed'));
    const seen = await ok(await pulseOf('facilitatorA'));
    expect(seen.k).toBe(5);
    expect(seen.summary).toEqual({
      count: 4,
      useful: { shown: false, count: 4, needed: 5 },
      safe: { shown: false, count: 4, needed: 5 },
    });
    expect(seen.comments).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/held back|rushed|Good questions/);
  });

  it('keeps K at 3 or more; at K the set sees figures and comments without names', async () => {
    const tooLow = await as('admin', 'PUT', `/api/hosts/${w.hostId}/feedback-settings`, { minAnswers: 2 });
    expect(tooLow.statusCode).toBe(400);
    expect(
      (await as('coordinator', 'PUT', `/api/hosts/${w.hostId}/feedback-settings`, { minAnswers: 4 }))
        .statusCode,
    ).toBe(403);
    expect(
      await ok(await as('admin', 'PUT', `/api/hosts/${w.hostId}/feedback-settings`, { minAnswers: 4 })),
    ).toMatchObject({
      minAnswers: 4,
    });
    const atK = await ok(await pulseOf('memberA2'));
    expect(atK.summary.useful).toEqual({ shown: true, count: 4, mean: 3.75, distribution: [0, 1, 0, 2, 1] });
    expect(atK.summary.safe).toMatchObject({ shown: true, mean: 3.5 });
    expect([...atK.comments].sort()).toEqual(['Good questions today', 'I held back', 'Too rushed']);
    for (const id of allIds()) expect(JSON.stringify(atK)).not.toContain(id);
  });

  it('hides the figures again when a withdrawal leaves K-1 answers', async () => {
    const withdrawn = await ok(await as(extra[1]!.cookie, 'DELETE', `/api/meetings/${meetingId}/pulse`));
    expect(withdrawn.mine).toBeNull();
    expect(withdrawn.summary.useful).toEqual({ shown: false, count: 3, needed: 4 });
    expect(withdrawn.comments).toBeNull();
    // Withdrawing twice: nothing of yours is there.
    expect((await as(extra[1]!.cookie, 'DELETE', `/api/meetings/${meetingId}/pulse`)).statusCode).toBe(404);
    await ok(await answer(extra[1]!.cookie, 1, 1));
    expect((await ok(await pulseOf('memberA'))).summary.useful.shown).toBe(true);
  });

  it('gives the set its trend per meeting and the programme its trend per month, with no ids', async () => {
    const set = await ok(await as('memberA', 'GET', `/api/sets/${w.setA}/pulses`));
    expect(set.meetings).toHaveLength(1);
    expect(set.meetings[0]).toMatchObject({ key: meetingId, summary: { count: 4, useful: { shown: true } } });
    expect((await as('coordinator', 'GET', `/api/sets/${w.setA}/pulses`)).statusCode).toBe(403);
    expect((await as('memberB', 'GET', `/api/sets/${w.setA}/pulses`)).statusCode).toBe(404);

    const programme = await ok(await as('coordinator', 'GET', `/api/programmes/${w.programmeId}/pulses`));
    expect(programme.months).toEqual([
      expect.objectContaining({ key: '2027-03', summary: expect.objectContaining({ count: 4 }) }),
    ]);
    expect(JSON.stringify(programme)).not.toMatch(/held back|Good questions/);
    for (const id of allIds()) expect(JSON.stringify(programme)).not.toContain(id);
    expect((await as('admin', 'GET', `/api/programmes/${w.programmeId}/pulses`)).statusCode).toBe(200);
    for (const role of ['memberA', 'facilitatorA'] as Role[])
      expect((await as(role, 'GET', `/api/programmes/${w.programmeId}/pulses`)).statusCode, role).toBe(403);
  });

  it('stores no person id with a pulse', async () => {
    const rows = await t.ctx.db.selectFrom('pulse').selectAll().execute();
    expect(rows).toHaveLength(4);
    for (const id of allIds()) expect(JSON.stringify(rows)).not.toContain(id);
  });
});
