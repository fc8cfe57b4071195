import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { openQuestioning, type RoomAtQuestioning } from '../support/questioning.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

/** memberA2 asks two open questions and one advice question; the facilitator asks one closed one. */
const asked = {
  open1: 'What would make the papers worth reading?',
  open2: 'how do you feel when nobody reads them',
  advice: 'Have you tried delegating it?',
  closed: 'Were you there when it happened?',
};

describe.each(storeKinds)('the share of open questions, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let meetingId: string;
  let room: RoomAtQuestioning | undefined;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    room = await openQuestioning(t, w, { title: 'Board never reads the papers', story: 'Papers go unread.' });
    meetingId = room.meetingId;
    const { facilitator: f, presenter: p, asker: q, run } = room;
    await run(q, { type: 'question.add', text: asked.open1 });
    await run(q, { type: 'question.add', text: asked.advice });
    await run(q, { type: 'question.add', text: asked.open2 });
    await run(f, { type: 'question.add', text: asked.closed });
    await p.until((s) => s.turns[0]?.questions.length === 4);
    await run(f, { type: 'meeting.end' });
  });
  afterAll(async () => {
    room?.close();
    await t.close();
  });

  const get = (role: Role | null, mine = false) =>
    t.call({
      method: 'GET',
      url: `/api/sets/${w.setA}/question-shares${mine ? '/mine' : ''}`,
      ...(role ? { cookie: w.cookies[role] } : {}),
    });

  it('gives the set the share of open questions per meeting, with no names and no words', async () => {
    for (const role of ['memberA', 'memberA2', 'facilitatorA'] as const) {
      const response = await get(role);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.meetings).toHaveLength(1);
      expect(body.meetings[0]).toMatchObject({
        meetingId,
        status: 'ended',
        asked: 4,
        open: 2,
        share: 0.5,
        labels: { OPEN: 2, ADVICE_LEADING: 1, CLOSED: 1 },
      });
      expect(body.overall).toMatchObject({ asked: 4, open: 2, share: 0.5 });
      for (const text of Object.values(asked)) expect(response.body).not.toContain(text);
      for (const person of Object.values(w.people)) expect(response.body).not.toContain(person);
    }
  });

  it("gives each person their own figures only: the asker's, the presenter's none", async () => {
    const mine = (await get('memberA2', true)).json();
    expect(mine.meetings[0]).toMatchObject({ asked: 3, open: 2, labels: { ADVICE_LEADING: 1 } });
    expect(mine.overall.share).toBeCloseTo(2 / 3);
    const facilitator = (await get('facilitatorA', true)).json();
    expect(facilitator.meetings[0]).toMatchObject({ asked: 1, open: 0, share: 0, labels: { CLOSED: 1 } });
    const presenter = (await get('memberA', true)).json();
    expect(presenter.meetings[0]).toMatchObject({ asked: 0, open: 0, share: null });
  });

  it.each<[Role | null, number]>([
    ['memberB', 404],
    ['outsider', 404],
    ['coordinator', 403],
    ['admin', 403],
    [null, 401],
  ])('refuses %s (%i) with a problem and no figures', async (role, status) => {
    for (const mine of [false, true]) {
      const response = await get(role, mine);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain('labels');
    }
  });

  it('has no meetings for a set that has held none', async () => {
    const response = await t.call({
      method: 'GET',
      url: `/api/sets/${w.setB}/question-shares`,
      cookie: w.cookies.memberB,
    });
    expect(response.json()).toMatchObject({ meetings: [], overall: { asked: 0, share: null } });
  });
});
