/**
 * Home ("what's next"): each item reaches the person it is for, and set content never reaches a member of
 * another set, a coordinator or an admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Home } from '../../src/contract/home.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';
import { answers, openLink, setStatus } from './enrolment-support.ts';

describe.each(storeKinds)('home on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const home = async (role: Role): Promise<Home> => {
    const r = await t.call({ method: 'GET', url: '/api/home', cookie: w.cookies[role] });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const as = async (role: Role, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) => {
    const r = await t.call({ method, url, cookie: w.cookies[role], payload });
    expect([200, 201], r.body).toContain(r.statusCode);
    return r.json();
  };

  it('is for signed-in people only', async () => {
    expect((await t.call({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });

  it('tells a new facilitator what their set waits for, and a coordinator what needs them', async () => {
    const facilitator = await home('facilitatorA');
    expect(facilitator.setSteps.map((s) => `${s.setName}:${s.step}`).sort()).toEqual([
      'Set A:adoptGroundRules',
      'Set A:scheduleMeeting',
    ]);
    expect((await home('memberA')).setSteps).toEqual([]);

    await setStatus(t, w.programmeId, w.cookies.coordinator, 'recruiting');
    const token = await openLink(t, w.programmeId, w.cookies.coordinator);
    const consent = (await t.call({ method: 'GET', url: `/api/apply/${token}` })).json().consent;
    const applied = await t.call({
      method: 'POST',
      url: `/api/apply/${token}`,
      payload: answers({ name: 'Nia Newcomer', email: 'nia@example.org' }, consent.version),
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const coordinator = await home('coordinator');
    expect(coordinator.applicationsWaiting).toEqual([
      { programmeId: w.programmeId, programmeName: 'Learning Practitioners', count: 1 },
    ]);
    expect(coordinator.failingMails).toBeNull();
    expect((await home('otherCoordinator')).applicationsWaiting).toEqual([]);
    expect((await home('memberA')).applicationsWaiting).toEqual([]);
    expect((await home('admin')).applicationsWaiting[0]?.count).toBe(1);

    await setStatus(t, w.programmeId, w.cookies.coordinator, 'forming');
    expect((await home('coordinator')).setsToForm).toEqual([
      { programmeId: w.programmeId, programmeName: 'Learning Practitioners' },
    ]);
    expect((await home('otherCoordinator')).setsToForm).toEqual([]);
    await setStatus(t, w.programmeId, w.cookies.coordinator, 'running');
  });

  it("shows a member their set's next meeting, live or not, with their apologies; never another set's", async () => {
    const meeting = await as('facilitatorA', 'POST', `/api/sets/${w.setA}/meetings`, {
      localStart: '2030-04-07T10:00',
      timeZone: 'Europe/London',
    });
    ids.meeting = meeting.id;
    let memberA = await home('memberA');
    expect(memberA.nextMeetings).toMatchObject([
      { id: meeting.id, setId: w.setA, setName: 'Set A', live: false, myStatus: 'expected' },
    ]);
    await as('memberA', 'PUT', `/api/meetings/${meeting.id}/attendance/me`, {
      status: 'apologies',
      note: 'Travelling',
    });
    memberA = await home('memberA');
    expect(memberA.nextMeetings[0]?.myStatus).toBe('apologies');

    await t.ctx.store.plain
      .updateTable('meeting')
      .set({ status: 'live' })
      .where('id', '=', meeting.id)
      .execute();
    expect((await home('memberA2')).nextMeetings[0]).toMatchObject({ id: meeting.id, live: true });
    expect((await home('memberB')).nextMeetings).toEqual([]);
    expect((await home('coordinator')).nextMeetings).toEqual([]);
    expect((await home('admin')).nextMeetings).toEqual([]);
    expect((await home('facilitatorA')).setSteps.map((s) => s.step)).not.toContain('scheduleMeeting');
  });

  it('lists a member their own open actions, overdue first, and nobody else', async () => {
    await as('memberA', 'POST', `/api/sets/${w.setA}/actions`, {
      text: 'Call the donor',
      dueOn: '2020-01-02',
    });
    await as('memberA', 'POST', `/api/sets/${w.setA}/actions`, { text: 'Draft the plan', dueOn: null });
    const actions = (await home('memberA')).actions;
    expect(actions.map((a) => [a.text, a.overdue])).toEqual([
      ['Call the donor', true],
      ['Draft the plan', false],
    ]);
    for (const role of ['memberA2', 'facilitatorA', 'memberB', 'coordinator', 'admin'] as const)
      expect((await home(role)).actions).toEqual([]);
  });

  it('asks each member of the set to accept new ground rules until they do; the facilitator sees who is left', async () => {
    await as('facilitatorA', 'PUT', `/api/sets/${w.setA}/ground-rules`, {
      rules: ['Be on time.', 'Confidentiality: what is said here stays here.'],
      basedOn: null,
    });
    expect((await home('memberA')).groundRules).toEqual([{ setId: w.setA, setName: 'Set A', version: 1 }]);
    expect((await home('memberB')).groundRules).toEqual([]);
    expect((await home('coordinator')).groundRules).toEqual([]);
    await as('memberA', 'POST', `/api/sets/${w.setA}/ground-rules/acceptance`, { version: 1 });
    expect((await home('memberA')).groundRules).toEqual([]);
    expect((await home('memberA2')).groundRules).toHaveLength(1);
    expect((await home('facilitatorA')).setSteps).toContainEqual({
      setId: w.setA,
      setName: 'Set A',
      step: 'groundRulesAcceptances',
      count: 2,
    });
  });

  it('asks the set to answer an open poll and its facilitator to confirm it; never another set', async () => {
    const poll = await as('facilitatorA', 'POST', `/api/sets/${w.setA}/polls`, {
      title: 'Our next date',
      purpose: 'date',
      timeZone: 'Europe/London',
      options: ['2030-03-03T10:00', '2030-03-04T10:00'],
    });
    expect((await home('memberA')).pollsToAnswer).toEqual([
      { id: poll.id, title: 'Our next date', setName: 'Set A' },
    ]);
    expect((await home('memberB')).pollsToAnswer).toEqual([]);
    expect((await home('memberB')).pollsToConfirm).toEqual([]);
    const [first, second] = (
      await t.call({ method: 'GET', url: `/api/polls/${poll.id}`, cookie: w.cookies.memberA })
    ).json().options;
    await as('memberA', 'PUT', `/api/polls/${poll.id}/answers`, {
      answers: [
        { optionId: first.id, answer: 'yes' },
        { optionId: second.id, answer: 'no' },
      ],
    });
    expect((await home('memberA')).pollsToAnswer).toEqual([]);
    expect((await home('memberA2')).pollsToAnswer).toHaveLength(1);
    expect((await home('facilitatorA')).pollsToConfirm).toEqual([
      { id: poll.id, title: 'Our next date', answers: 1, setName: 'Set A' },
    ]);
    expect((await home('coordinator')).pollsToConfirm).toEqual([]);
  });

  it('prompts for a journal entry after a meeting until one is written', async () => {
    const ended = new Date(Date.now() - 86_400_000);
    await t.ctx.store.plain
      .updateTable('meeting')
      .set({
        status: 'ended',
        starts_at: new Date(ended.getTime() - 3 * 3_600_000).toISOString(),
        ends_at: ended.toISOString(),
      })
      .where('id', '=', ids.meeting!)
      .execute();
    expect((await home('memberA')).journalPrompt).toMatchObject({ meetingId: ids.meeting, setName: 'Set A' });
    expect((await home('memberB')).journalPrompt).toBeNull();
    expect((await home('coordinator')).journalPrompt).toBeNull();
    await as('memberA', 'POST', `/api/sets/${w.setA}/journal`, {
      meetingId: ids.meeting,
      answers: { myself: 'I listened more than I spoke.' },
    });
    expect((await home('memberA')).journalPrompt).toBeNull();
    expect((await home('memberA2')).journalPrompt).not.toBeNull();
  });

  it('tells host admins (only) about mails that failed', async () => {
    await t.ctx.store.plain
      .updateTable('mail_outbox')
      .set({ status: 'failed', last_error: 'mailbox unavailable' })
      .where('to_address', '=', 'nia@example.org')
      .execute();
    expect((await home('admin')).failingMails).toBeGreaterThan(0);
    expect((await home('coordinator')).failingMails).toBeNull();
    expect((await home('memberA')).failingMails).toBeNull();
  });
});
