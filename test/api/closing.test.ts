import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eraseExpiredContent } from '../../src/server/features/closing/retention.ts';
import { createTestApp, type TestApp, testOrigin } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

const intake = { real: true, current: true, openEnded: true, mineToActOn: true };
const day = 86_400_000;

describe.each(storeKinds)('closing a programme, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let clock = new Date('2027-03-01T09:00:00.000Z');
  let problemId: string;
  let actionId: string;
  let meetingId: string;
  let workshopId: string;
  let reviewId: string;

  const as = (role: Role, method: string, url: string, payload?: object) =>
    t.call({ method: method as 'POST', url, cookie: w.cookies[role], ...(payload ? { payload } : {}) });
  const ok = async (role: Role, method: string, url: string, payload?: object) => {
    const r = await as(role, method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url} -> ${r.statusCode} ${r.body}`);
    return r.json();
  };
  /** The newest audit event of this action, as a host admin reads the trail. */
  const audited = async (action: string) =>
    (await ok('admin', 'GET', `/api/hosts/${w.hostId}/audit?action=${action}&limit=1`)).events[0];

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
    await t.ctx.store.plain
      .updateTable('programme')
      .set({ status: 'running' })
      .where('id', '=', w.programmeId)
      .execute();
    problemId = (
      await ok('memberA', 'POST', `/api/sets/${w.setA}/problems`, {
        title: 'Keeping volunteers after the first month',
        story: 'Half our volunteers leave within four weeks.',
        kind: 'how-i-operate',
        intake,
      })
    ).id;
    await ok('memberA', 'POST', `/api/problems/${problemId}/reframes`, {
      statement: 'How do I make the first month worth staying for?',
    });
    actionId = (
      await ok('memberA', 'POST', `/api/sets/${w.setA}/actions`, { text: 'Phone three leavers', problemId })
    ).id;
    await ok('memberA', 'PATCH', `/api/actions/${actionId}`, { status: 'done' });
    await ok('memberA', 'POST', `/api/sets/${w.setA}/journal`, { answers: { myself: 'I rush people.' } });
    await ok('memberA2', 'POST', `/api/sets/${w.setA}/problems`, {
      title: 'A colleague problem that is not mine',
      story: 'Only memberA2 wrote this.',
      kind: 'how-i-operate',
      intake,
    });
    meetingId = (
      await ok('facilitatorA', 'POST', `/api/sets/${w.setA}/meetings`, {
        localStart: '2027-03-10T10:00',
        timeZone: 'Europe/London',
        place: 'Room 2',
      })
    ).id;
    await t.ctx.store.plain
      .insertInto('question')
      .values({
        id: randomUUID(),
        meeting_id: meetingId,
        presenter_id: w.people.memberA,
        asked_by: w.people.memberA2,
        text: 'What would make you stay?',
        struck_home: 1,
        created_at: clock.toISOString(),
      })
      .execute();
    workshopId = (
      await ok('coordinator', 'POST', `/api/programmes/${w.programmeId}/workshops`, {
        title: 'Plenary on funding',
        timeZone: 'Europe/London',
        localStart: '2027-05-01T10:00',
      })
    ).id;
    reviewId = (
      await ok('coordinator', 'POST', `/api/programmes/${w.programmeId}/reviews`, {
        title: 'End',
        phase: 'end',
      })
    ).id;
  });
  afterAll(() => t.close());

  it('lets only those who run the programme close it', async () => {
    expect((await as('memberA', 'POST', `/api/programmes/${w.programmeId}/close`)).statusCode).toBe(403);
    expect((await as('otherCoordinator', 'POST', `/api/programmes/${w.programmeId}/close`)).statusCode).toBe(
      404,
    );
    const closed = await ok('coordinator', 'POST', `/api/programmes/${w.programmeId}/close`);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBe(clock.toISOString());
    expect(closed.abilities['programme.close']).toBe(true);
    const again = await as('coordinator', 'POST', `/api/programmes/${w.programmeId}/close`);
    expect(again.statusCode).toBe(409);
    expect(await audited('programme.closed')).toMatchObject({
      actorId: w.people.coordinator,
      targetId: w.programmeId,
      outcome: 'success',
      ip: '127.0.0.1',
    });
  });

  it('records when a programme closed through its status as well', async () => {
    await t.ctx.store.plain
      .updateTable('programme')
      .set({ status: 'running' })
      .where('id', '=', w.otherProgrammeId)
      .execute();
    const closed = await ok('otherCoordinator', 'PATCH', `/api/programmes/${w.otherProgrammeId}`, {
      status: 'closed',
    });
    expect(closed).toMatchObject({ status: 'closed', closedAt: clock.toISOString(), nextStatuses: [] });
  });

  it('refuses every change to sets, meetings and content with a 409 that says the programme is closed', async () => {
    const attempts: [Role, string, string, object?][] = [
      [
        'memberA',
        'POST',
        `/api/sets/${w.setA}/problems`,
        { title: 'Too late', story: 'x', kind: 'how-i-operate', intake },
      ],
      ['memberA', 'POST', `/api/problems/${problemId}/reframes`, { statement: 'Too late' }],
      ['memberA', 'PATCH', `/api/actions/${actionId}`, { text: 'Changed after closing' }],
      ['memberA', 'POST', `/api/sets/${w.setA}/actions`, { text: 'A new action' }],
      ['memberA', 'POST', `/api/sets/${w.setA}/journal`, { answers: { myself: 'After closing' } }],
      [
        'facilitatorA',
        'POST',
        `/api/sets/${w.setA}/meetings`,
        { localStart: '2027-04-10T10:00', timeZone: 'Europe/London', place: 'Room 2' },
      ],
      ['facilitatorA', 'PATCH', `/api/meetings/${meetingId}`, { place: 'Room 3' }],
      ['memberA2', 'PUT', `/api/meetings/${meetingId}/attendance/me`, { status: 'apologies', note: 'x' }],
      ['coordinator', 'POST', `/api/sets/${w.setA}/members`, { personId: w.people.outsider }],
      // Workshops, pulses and the review are frozen with the rest.
      [
        'coordinator',
        'POST',
        `/api/programmes/${w.programmeId}/workshops`,
        { title: 'Too late', timeZone: 'Europe/London', localStart: '2027-06-01T10:00' },
      ],
      ['memberA', 'PUT', `/api/workshops/${workshopId}/rsvp`, { answer: 'coming' }],
      ['memberA', 'PUT', `/api/meetings/${meetingId}/pulse`, { useful: 4, safe: 5, comment: '' }],
      ['coordinator', 'POST', `/api/programmes/${w.programmeId}/reviews`, { title: 'Late', phase: 'end' }],
      ['coordinator', 'PATCH', `/api/reviews/${reviewId}`, { title: 'Renamed' }],
      ['memberA', 'PUT', `/api/reviews/${reviewId}/answers`, { answers: [] }],
    ];
    for (const [role, method, url, payload] of attempts) {
      const r = await as(role, method, url, payload);
      expect({ url, method, status: r.statusCode }).toEqual({ url, method, status: 409 });
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().detail).toMatch(/^The programme is closed/);
    }
  });

  it('keeps members reading their set content', async () => {
    const problems = await ok('memberA', 'GET', `/api/sets/${w.setA}/problems`);
    expect(problems.map((p: { title: string }) => p.title)).toContain(
      'Keeping volunteers after the first month',
    );
    const action = await as('memberA', 'GET', `/api/actions/${actionId}`);
    expect(action.statusCode).toBe(200);
    // Its owner is not offered a change the server would refuse.
    expect(action.json().abilities['action.update']).toBe(false);
    // The set offers no writes any more, so the pages do not either.
    const set = await ok('memberA', 'GET', `/api/sets/${w.setA}`);
    expect(set.abilities['set.readContent']).toBe(true);
    expect(set.abilities['set.writeContent']).toBe(false);
    expect(set.abilities['problem.create']).toBe(false);
  });

  it('does not open a closed programme’s live room', async () => {
    // Sign-in sessions expire by the real clock: join at real time, then go back to the programme's.
    const programmeTime = clock;
    clock = new Date();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/live`, {
      headers: { cookie: w.cookies.memberA, origin: testOrigin },
    });
    const answer = await new Promise<{ t: string; code?: string; detail?: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer to join')), 10_000);
      socket.on('open', () => socket.send(JSON.stringify({ t: 'join', meetingId, afterSeq: 0 })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.t === 'welcome') return;
        clearTimeout(timer);
        resolve(message);
      });
    });
    socket.close();
    clock = programmeTime;
    expect(answer).toMatchObject({ t: 'error', code: 'programme-closed' });
    expect(answer.detail).toMatch(/^The programme is closed/);
  });

  it("exports a member's own content of the programme as Markdown and PDF, and nobody else's", async () => {
    const r = await as('memberA', 'GET', `/api/programmes/${w.programmeId}/my-content.md`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/markdown');
    expect(r.headers['content-disposition']).toContain('attachment');
    for (const text of [
      'Keeping volunteers after the first month',
      'How do I make the first month worth staying for?',
      'What would make you stay?',
      'Phone three leavers',
      'I rush people.',
    ])
      expect(r.body).toContain(text);
    expect(r.body).not.toContain('A colleague problem that is not mine');
    // The question's text, never who asked it.
    expect(r.body).not.toContain('memberA2 person');
    const pdf = await as('memberA', 'GET', `/api/programmes/${w.programmeId}/my-content.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await as('coordinator', 'GET', `/api/programmes/${w.programmeId}/my-content.md`)).statusCode,
    ).toBe(403);
    expect((await as('outsider', 'GET', `/api/programmes/${w.programmeId}/my-content.md`)).statusCode).toBe(
      404,
    );
  });

  it('lets only a host admin set the retention, within its bounds', async () => {
    expect((await ok('admin', 'GET', `/api/hosts/${w.hostId}/retention`)).closedContentRetentionDays).toBe(
      365,
    );
    expect(
      (await as('coordinator', 'PUT', `/api/hosts/${w.hostId}/retention`, { closedContentRetentionDays: 1 }))
        .statusCode,
    ).toBe(403);
    const bad = await as('admin', 'PUT', `/api/hosts/${w.hostId}/retention`, {
      closedContentRetentionDays: -1,
    });
    expect(bad.statusCode).toBe(400);
    const set = await ok('admin', 'PUT', `/api/hosts/${w.hostId}/retention`, {
      closedContentRetentionDays: 30,
    });
    expect(set.closedContentRetentionDays).toBe(30);
    expect(await audited('host.retentionChanged')).toMatchObject({
      actorId: w.people.admin,
      details: { days: 30 },
    });
  });

  it('erases the set content once the retention has run out, keeping the figures, and logs it', async () => {
    const closedAt = clock.getTime();
    clock = new Date(closedAt + 29 * day);
    expect(await eraseExpiredContent(t.ctx)).toBe(0);
    clock = new Date(closedAt + 30 * day + 1000);
    // Both programmes closed that day (P, and Q through its status): both lose their set content.
    expect(await eraseExpiredContent(t.ctx)).toBe(2);
    expect(await eraseExpiredContent(t.ctx)).toBe(0);

    const db = t.ctx.store.plain;
    const problems = await db
      .selectFrom('problem')
      .select(['title', 'story'])
      .where('set_id', '=', w.setA)
      .execute();
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.title === '' && p.story === '')).toBe(true);
    const action = await db
      .selectFrom('action')
      .selectAll()
      .where('id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(action).toMatchObject({ text: '', status: 'done' });
    expect(await db.selectFrom('journal_entry').selectAll().where('set_id', '=', w.setA).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('problem_version').selectAll().execute()).toEqual([]);
    const question = await db.selectFrom('question').select('text').executeTakeFirstOrThrow();
    expect(question.text).toBe('');
    expect(await db.selectFrom('meeting').select('id').where('set_id', '=', w.setA).execute()).toHaveLength(
      1,
    );

    const log = await ok('admin', 'GET', `/api/hosts/${w.hostId}/erasures`);
    expect(log).toHaveLength(2);
    const entry = log.find((e: { subjectId: string }) => e.subjectId === w.programmeId);
    expect(entry).toMatchObject({ kind: 'programme-content', mode: 'retention' });
    expect(entry.counts).toMatchObject({ problems: 2, actions: 1, journalEntries: 1, questions: 1 });
    expect(JSON.stringify(log)).not.toContain('volunteers');
    const programme = await ok('coordinator', 'GET', `/api/programmes/${w.programmeId}`);
    expect(programme.contentErasedAt).toBe(clock.toISOString());
    expect((await as('memberA', 'GET', `/api/hosts/${w.hostId}/erasures`)).statusCode).toBe(403);
    // The trail says that Revans erased it, with the counts, and holds none of the content.
    const erasures = (
      await ok('admin', 'GET', `/api/hosts/${w.hostId}/audit?action=programme.contentErased&limit=10`)
    ).events;
    expect(erasures).toHaveLength(2);
    expect(erasures.find((e: { targetId: string }) => e.targetId === w.programmeId)).toMatchObject({
      actorId: null,
      actorLabel: 'Revans',
      details: { problems: 2, actions: 1, retentionDays: 30 },
    });
    expect(JSON.stringify(erasures)).not.toContain('volunteers');
  });
});
