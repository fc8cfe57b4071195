import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import { buildWorld, type World } from '../support/world.ts';

const intake = { real: true, current: true, openEnded: true, mineToActOn: true };

describe.each(storeKinds)('a whole meeting and the next one, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;
  const clients: TestLiveClient[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  async function room(meetingId: string) {
    const f = liveClient(base, meetingId, w.cookies.facilitatorA);
    const p = liveClient(base, meetingId, w.cookies.memberA);
    const q = liveClient(base, meetingId, w.cookies.memberA2);
    clients.push(f, p, q);
    await f.until((s) => s.present.length === 3);
    const run = async (client: TestLiveClient, command: MeetingCommand) => {
      client.send(command);
      const status = await client.untilStatus((s) => s.pending === 0);
      expect(status.lastRefusal, JSON.stringify(command)).toBeNull();
    };
    const stage = (key: string) => f.connection.state!.setup.agenda.findIndex((s) => s.key === key);
    return { f, p, q, run, stage };
  }

  async function schedule(localStart: string) {
    const r = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/meetings`,
      cookie: w.cookies.facilitatorA,
      payload: { localStart, timeZone: 'Europe/London' },
    });
    return r.json().id as string;
  }

  it('keeps the reframe, the questions and the actions, and the next meeting opens with report-back', async () => {
    const problem = (
      await t.call({
        method: 'POST',
        url: `/api/sets/${w.setA}/problems`,
        cookie: w.cookies.memberA,
        payload: {
          title: 'Partnership stalled',
          story: 'Our partner stopped answering.',
          kind: 'how-i-operate',
          intake,
        },
      })
    ).json();
    const first = await schedule('2027-01-20T10:00');
    const { f, p, q, run, stage } = await room(first);
    await run(f, { type: 'meeting.start' });
    await run(f, { type: 'stage.goto', index: stage('check-in') });
    await run(p, { type: 'checkin.say', text: 'Hopeful' });
    await run(f, { type: 'stage.goto', index: stage('bidding') });
    await run(p, {
      type: 'bid.place',
      minutes: 40,
      urgency: 'high',
      reason: 'A deadline on Friday',
      problemId: problem.id,
    });
    await run(f, { type: 'presenter.order', personIds: [w.people.memberA] });
    await run(f, { type: 'stage.goto', index: stage('presentations') });
    await run(f, { type: 'presenter.goto', index: 0, step: 'presenting' });
    // The problem named in the bid is the one on the floor.
    expect((await p.until((s) => s.turns.length === 1)).turns[0]!.problemId).toBe(problem.id);
    await run(f, { type: 'presenter.goto', index: 0, step: 'clarifying' });
    await run(q, { type: 'question.add', text: '  Who decides on their side?  ' });
    await run(f, { type: 'presenter.goto', index: 0, step: 'questioning' });
    await run(q, { type: 'question.add', text: 'What do you need from them that you have not asked for?' });
    const questions = (await p.until((s) => s.turns[0]?.questions.length === 2)).turns[0]!.questions;
    await run(p, { type: 'question.mark', questionId: questions[1]!.questionId, struckHome: true });
    await run(f, { type: 'presenter.goto', index: 0, step: 'reframing' });
    await run(p, { type: 'problem.reframe', statement: 'I have not said what I need from the partner.' });
    await run(f, { type: 'presenter.goto', index: 0, step: 'actions' });
    await run(p, { type: 'action.add', text: 'Write to the partner director', dueOn: '2027-02-10' });
    await run(p, { type: 'action.add', text: 'Ask my manager what we can offer' });
    await run(f, { type: 'presenter.goto', index: 0, step: 'feedback' });
    await run(p, { type: 'feedback.give', text: 'The questions slowed me down in a good way.' });
    await run(f, { type: 'stage.goto', index: stage('process-review') });
    await run(q, { type: 'review.note', text: 'Good airtime balance today.' });
    await run(f, { type: 'stage.goto', index: stage('check-out') });
    await run(p, { type: 'checkout.say', text: 'Clearer', usefulness: 5 });
    await run(f, { type: 'meeting.end' });

    const stored = (
      await t.call({ method: 'GET', url: `/api/problems/${problem.id}`, cookie: w.cookies.memberA2 })
    ).json();
    expect(stored.statement).toBe('I have not said what I need from the partner.');
    const actions = (
      await t.call({ method: 'GET', url: '/api/me/actions', cookie: w.cookies.memberA })
    ).json();
    expect(actions.map((a: { text: string }) => a.text).sort()).toEqual([
      'Ask my manager what we can offer',
      'Write to the partner director',
    ]);
    expect(actions.find((a: { text: string }) => a.text.startsWith('Write'))).toMatchObject({
      dueOn: '2027-02-10',
      status: 'open',
    });

    const record = (
      await t.call({ method: 'GET', url: `/api/meetings/${first}/record`, cookie: w.cookies.memberA })
    ).json();
    expect(record.markdown).toContain('Who decides on their side?');
    expect(record.markdown).toContain('I have not said what I need from the partner.');
    const coordinatorRecord = await t.call({
      method: 'GET',
      url: `/api/meetings/${first}/record`,
      cookie: w.cookies.coordinator,
    });
    expect(coordinatorRecord.statusCode).toBe(403);
    expect(coordinatorRecord.body).not.toContain('partner');

    const meeting = (
      await t.call({ method: 'GET', url: `/api/meetings/${first}`, cookie: w.cookies.coordinator })
    ).json();
    expect(meeting.status).toBe('ended');
    expect(meeting.attendance.filter((a: { status: string }) => a.status === 'present')).toHaveLength(3);
    const turns = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/turns`, cookie: w.cookies.coordinator })
    ).json();
    expect(
      turns.perMember.find((m: { personId: string }) => m.personId === w.people.memberA).presentations,
    ).toBe(1);
    expect(turns.suggestedNext[0]).toBe(w.people.memberA2);
    expect(
      turns.actionCounts.find((c: { personId: string }) => c.personId === w.people.memberA),
    ).toMatchObject({ committed: 2, completed: 0 });
    expect(JSON.stringify(turns)).not.toContain('partner director');

    const second = await schedule('2027-02-17T10:00');
    const next = await room(second);
    const openActions = next.f.connection.state!.setup.openActions;
    expect(openActions.map((a) => a.text).sort()).toEqual([
      'Ask my manager what we can offer',
      'Write to the partner director',
    ]);
    await next.run(next.f, { type: 'meeting.start' });
    await next.run(next.f, { type: 'stage.goto', index: next.stage('report-back') });
    const written = openActions.find((a) => a.text.startsWith('Write'))!;
    await next.run(next.p, {
      type: 'report.outcome',
      actionId: written.actionId,
      outcome: 'done',
      learned: 'Asking plainly worked.',
    });
    const refused = next.q.send({ type: 'report.outcome', actionId: written.actionId, outcome: 'dropped' });
    expect(refused).toBeTruthy();
    const status = await next.q.untilStatus((s) => s.lastRefusal !== null);
    expect(status.lastRefusal).toEqual({ code: 'notActionOwner' });
    const after = (
      await t.call({ method: 'GET', url: `/api/actions/${written.actionId}`, cookie: w.cookies.memberA })
    ).json();
    expect(after).toMatchObject({
      status: 'done',
      outcomeNote: 'Asking plainly worked.',
      reportedInMeetingId: second,
    });
  });
});
