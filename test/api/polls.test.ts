import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

describe.each(storeKinds)('availability polls, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let pollId: string;
  const clock = new Date('2027-01-04T09:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
    const zones = { memberA: 'America/New_York', memberA2: 'Australia/Sydney' } as const;
    for (const [role, zone] of Object.entries(zones))
      await t.ctx.store.plain
        .updateTable('person')
        .set({ time_zone: zone })
        .where('id', '=', w.people[role as 'memberA'])
        .execute();
  });
  afterAll(() => t.close());

  it('lets the facilitator ask the set for its regular slot, and mails each member (not the facilitator) the options in their zone', async () => {
    const r = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/polls`,
      cookie: w.cookies.facilitatorA,
      payload: {
        title: 'Our regular slot',
        purpose: 'slot',
        timeZone: 'Europe/London',
        durationMinutes: 180,
        options: ['2027-03-03T10:00', '2027-03-04T14:00', '2027-03-05T08:00'],
        pattern: { frequency: 'weekly', interval: 4 },
        untilDate: '2027-06-30',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    pollId = r.json().id;
    const mails = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['to_address', 'text_body'])
      .where('kind', '=', 'pollInvitation')
      .execute();
    // The facilitator who runs the poll is not invited to answer their own poll (issue 13, item 13).
    expect(mails.map((m) => m.to_address).sort()).toEqual(['membera2@example.org', 'membera@example.org']);
    const sydney = mails.find((m) => m.to_address === 'membera2@example.org')!;
    expect(sydney.text_body).toContain(
      'Wed, 3 Mar 2027, 21:00\u2009–\u2009Thu, 4 Mar 2027, 00:00 (Australian Eastern Time)',
    );
    expect(sydney.text_body).toContain(`http://localhost:3000/polls/${pollId}`);
    const denied = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/polls`,
      cookie: w.cookies.memberA,
      payload: {
        title: 'Not mine to ask',
        purpose: 'date',
        timeZone: 'Europe/London',
        options: ['2027-03-03T10:00', '2027-03-04T10:00'],
      },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('collects answers from each member’s own zone and suggests most yes, then fewest no', async () => {
    const poll = (
      await t.call({ method: 'GET', url: `/api/polls/${pollId}`, cookie: w.cookies.memberA })
    ).json();
    expect(poll.viewerTimeZone).toBe('America/New_York');
    expect(poll.options.map((o: { viewerLocalStart: string }) => o.viewerLocalStart)).toEqual([
      '2027-03-03T05:00',
      '2027-03-04T09:00',
      '2027-03-05T03:00',
    ]);
    const [a, b, c] = poll.options.map((o: { id: string }) => o.id);
    const answer = (role: 'memberA' | 'memberA2' | 'facilitatorA', answers: string[]) =>
      t.call({
        method: 'PUT',
        url: `/api/polls/${pollId}/answers`,
        cookie: w.cookies[role],
        payload: { answers: [a, b, c].map((optionId, i) => ({ optionId, answer: answers[i] })) },
      });
    const upcomingPolls = async (role: 'memberA' | 'memberA2' | 'memberB' | 'coordinator') =>
      (await t.call({ method: 'GET', url: '/api/me/upcoming', cookie: w.cookies[role] })).json().polls;
    const asked = { id: pollId, title: 'Our regular slot', setId: w.setA, purpose: 'slot' };
    expect(await upcomingPolls('memberA')).toEqual([{ ...asked, answered: false }]);
    expect((await answer('memberA', ['yes', 'yes', 'no'])).statusCode).toBe(200);
    // Upcoming says who has answered, each for themselves; a set's poll is not shown outside the set.
    expect(await upcomingPolls('memberA')).toEqual([{ ...asked, answered: true }]);
    expect(await upcomingPolls('memberA2')).toEqual([{ ...asked, answered: false }]);
    expect(await upcomingPolls('memberB')).toEqual([]);
    expect(await upcomingPolls('coordinator')).toEqual([{ ...asked, answered: false }]);
    await answer('memberA2', ['no', 'yes', 'yes']);
    const last = await answer('facilitatorA', ['yes', 'ifneedbe', 'yes']);
    const tally = last.json();
    expect(tally.options.map((o: { yes: number; no: number }) => `${o.yes}/${o.no}`)).toEqual([
      '2/1',
      '2/0',
      '2/1',
    ]);
    expect(tally.suggestedOptionId).toBe(b);
    expect(tally.respondentCount).toBe(3);
    const outsider = await t.call({
      method: 'PUT',
      url: `/api/polls/${pollId}/answers`,
      cookie: w.cookies.memberB,
      payload: { answers: [{ optionId: a, answer: 'yes' }] },
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('confirms the slot: the series is created over the programme, and everyone hears the result', async () => {
    const poll = (
      await t.call({ method: 'GET', url: `/api/polls/${pollId}`, cookie: w.cookies.facilitatorA })
    ).json();
    const denied = await t.call({
      method: 'POST',
      url: `/api/polls/${pollId}/confirm`,
      cookie: w.cookies.memberA,
      payload: { optionId: poll.suggestedOptionId },
    });
    expect(denied.statusCode).toBe(403);
    const r = await t.call({
      method: 'POST',
      url: `/api/polls/${pollId}/confirm`,
      cookie: w.cookies.facilitatorA,
      payload: { optionId: poll.suggestedOptionId },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'confirmed', confirmedOptionId: poll.suggestedOptionId });
    const series = (
      await t.call({
        method: 'GET',
        url: `/api/series/${r.json().result.seriesId}`,
        cookie: w.cookies.memberA,
      })
    ).json();
    expect(series.rrule).toBe('FREQ=WEEKLY;INTERVAL=4;BYDAY=TH');
    expect(series.meetings.map((m: { localStart: string }) => m.localStart).slice(0, 2)).toEqual([
      '2027-03-04T14:00',
      '2027-04-01T14:00',
    ]);
    const results = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('kind', '=', 'pollConfirmed')
      .execute();
    expect(results).toHaveLength(3);
    const again = await t.call({
      method: 'POST',
      url: `/api/polls/${pollId}/confirm`,
      cookie: w.cookies.facilitatorA,
      payload: { optionId: poll.suggestedOptionId },
    });
    expect(again.statusCode).toBe(409);
    const upcoming = (
      await t.call({ method: 'GET', url: '/api/me/upcoming', cookie: w.cookies.memberA2 })
    ).json();
    expect(upcoming.meetings[0].viewerLocalStart).toBe('2027-03-05T01:00');
  });

  it('runs a programme-wide poll for everyone in the programme', async () => {
    const r = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/polls`,
      cookie: w.cookies.coordinator,
      payload: {
        title: 'Mid-programme workshop',
        timeZone: 'Europe/London',
        options: ['2027-05-12T13:00', '2027-05-19T13:00'],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().participantCount).toBe(4);
    const fromB = await t.call({
      method: 'GET',
      url: `/api/polls/${r.json().id}`,
      cookie: w.cookies.memberB,
    });
    expect(fromB.json().abilities).toEqual({ answer: true, confirm: false });
    // Nobody has answered: a plain confirmation is refused, so no client decides by accident.
    const unanswered = await t.call({
      method: 'POST',
      url: `/api/polls/${r.json().id}/confirm`,
      cookie: w.cookies.coordinator,
      payload: { optionId: r.json().options[1].id },
    });
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unanswered.json().detail).toMatch(/^Nobody has answered this poll yet\./);
    const still = await t.call({
      method: 'GET',
      url: `/api/polls/${r.json().id}`,
      cookie: w.cookies.memberB,
    });
    expect(still.json().status).toBe('open');
    const confirmed = await t.call({
      method: 'POST',
      url: `/api/polls/${r.json().id}/confirm`,
      cookie: w.cookies.coordinator,
      payload: { optionId: r.json().options[1].id, force: true },
    });
    expect(confirmed.json().status).toBe('confirmed');
  });
  it('invites the runner of a poll only when they answer it as a member', async () => {
    const invited = async () =>
      (
        await t.ctx.store.plain
          .selectFrom('mail_outbox')
          .select('to_address')
          .where('kind', '=', 'pollInvitation')
          .where('subject', 'like', '%Runner check%')
          .execute()
      )
        .map((m) => m.to_address)
        .sort();
    // A member of a self-facilitated set runs the poll and answers it: they are asked too.
    const selfRun = await t.call({
      method: 'PATCH',
      url: `/api/sets/${w.setB}`,
      cookie: w.cookies.admin,
      payload: { mode: 'self_facilitated' },
    });
    expect(selfRun.statusCode, selfRun.body).toBe(200);
    const bySelf = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setB}/polls`,
      cookie: w.cookies.memberB,
      payload: {
        title: 'Runner check B',
        purpose: 'date',
        timeZone: 'Europe/London',
        options: ['2027-04-03T10:00', '2027-04-04T10:00'],
      },
    });
    expect(bySelf.statusCode, bySelf.body).toBe(201);
    expect(await invited()).toEqual(['memberb@example.org']);
    // A coordinator who is in no set is never asked to answer the poll they run.
    const byCoordinator = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/polls`,
      cookie: w.cookies.coordinator,
      payload: {
        title: 'Runner check A',
        purpose: 'date',
        timeZone: 'Europe/London',
        options: ['2027-04-03T10:00', '2027-04-04T10:00'],
      },
    });
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(201);
    expect(await invited()).toEqual([
      'facilitatora@example.org',
      'membera2@example.org',
      'membera@example.org',
      'memberb@example.org',
    ]);
  });
});
