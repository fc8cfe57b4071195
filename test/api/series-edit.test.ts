import ICAL from 'ical.js';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

interface SeriesMeeting {
  meetingId: string;
  startsAt: string;
  localStart: string;
  status: string;
  sequence: number;
}

/** One meeting's .ics read by ical.js and by node-ical: UID, SEQUENCE, start, status (both must agree). */
function readEvent(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const tz of component.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const v = component.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(v);
  const a = {
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    status: String(v.getFirstPropertyValue('status') ?? ''),
  };
  const b = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
  expect({
    uid: b.uid,
    sequence: Number(b.sequence),
    start: b.start.toISOString(),
    status: String(b.status ?? ''),
  }).toEqual(a);
  return a;
}

describe.each(storeKinds)('changing a whole series from now on, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let clock = new Date('2027-01-04T09:00:00Z');
  let seriesId: string;
  let before: SeriesMeeting[];

  const series = async (): Promise<SeriesMeeting[]> =>
    (await t.call({ method: 'GET', url: `/api/series/${seriesId}`, cookie: w.cookies.facilitatorA })).json()
      .meetings;
  const change = (payload: object, cookie = w.cookies.facilitatorA) =>
    t.call({ method: 'PUT', url: `/api/series/${seriesId}`, cookie, payload });
  const notices = (kinds: string[]) =>
    t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address', 'subject', 'text_body'])
      .where('kind', 'in', kinds)
      .execute();
  // Thursdays at 14:00 London, every two weeks, from 25 March.
  const thursdays = {
    firstLocal: '2027-03-25T14:00',
    timeZone: 'Europe/London',
    durationMinutes: 180,
    pattern: { frequency: 'weekly', interval: 2 },
    untilDate: '2027-04-30',
    place: 'Oxfam House, room 3',
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
    await t.ctx.store.plain
      .updateTable('person')
      .set({ time_zone: 'America/New_York' })
      .where('id', '=', w.people.memberA)
      .execute();
    const created = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/series`,
      cookie: w.cookies.facilitatorA,
      payload: {
        firstLocal: '2027-03-03T10:00',
        timeZone: 'Europe/London',
        durationMinutes: 180,
        pattern: { frequency: 'weekly', interval: 2 },
        untilDate: '2027-04-30',
        place: 'Oxfam House, room 3',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    seriesId = created.json().id;
    // Two meetings (3 and 17 March) are behind us; 31 March, 14 and 28 April are still to come.
    clock = new Date('2027-03-20T12:00:00Z');
    before = await series();
  });
  afterAll(() => t.close());

  it('moves the meetings still to come to the new slot, leaving those held alone', async () => {
    const r = await change(thursdays);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    const after: SeriesMeeting[] = r.json().meetings;
    expect(after.map((m) => [m.localStart, m.startsAt, m.sequence, m.status])).toEqual([
      ['2027-03-03T10:00', '2027-03-03T10:00:00.000Z', 0, 'scheduled'],
      ['2027-03-17T10:00', '2027-03-17T10:00:00.000Z', 0, 'scheduled'],
      ['2027-03-25T14:00', '2027-03-25T14:00:00.000Z', 1, 'scheduled'],
      // 14:00 in London is 13:00 UTC after the clocks went forward on 28 March.
      ['2027-04-08T14:00', '2027-04-08T13:00:00.000Z', 1, 'scheduled'],
      ['2027-04-22T14:00', '2027-04-22T13:00:00.000Z', 1, 'scheduled'],
    ]);
    // The same meetings (same calendar entries), not new ones.
    expect(after.map((m) => m.meetingId)).toEqual(before.map((m) => m.meetingId));

    // A calendar re-reading the moved meeting sees the change: same UID, higher SEQUENCE.
    const moved = after[2]!;
    const ics = await t.call({
      method: 'GET',
      url: `/api/meetings/${moved.meetingId}/calendar.ics`,
      cookie: w.cookies.memberA,
    });
    expect(readEvent(ics.body)).toEqual({
      uid: `meeting-${moved.meetingId}@revans`,
      sequence: 1,
      start: '2027-03-25T14:00:00.000Z',
      status: 'CONFIRMED',
    });

    // Everyone in the set hears of each moved meeting once, in their own zone; not of those held.
    const changed = await notices(['meetingChanged']);
    expect(changed).toHaveLength(3 * 3);
    const ny = changed.filter((n) => n.to_address === 'membera@example.org').map((n) => n.text_body);
    const nyWhen = 'Thu, 25 Mar 2027, 10:00–13:00 (your time; 14:00–17:00 United Kingdom Time)';
    expect(ny.some((text) => text.includes(nyWhen))).toBe(true);
  });

  it('meeting every week from 8 April keeps the planned meetings, invites to the new ones, and leaves 25 March alone', async () => {
    const invitedBefore = (await notices(['meetingInvitation'])).length;
    const r = await change(
      { ...thursdays, firstLocal: '2027-04-08T14:00', pattern: { frequency: 'weekly', interval: 1 } },
      w.cookies.coordinator,
    );
    expect(r.statusCode, r.body).toBe(200);
    const after: SeriesMeeting[] = r.json().meetings;
    expect(after.map((m) => [m.localStart, m.sequence])).toEqual([
      ['2027-03-03T10:00', 0],
      ['2027-03-17T10:00', 0],
      ['2027-03-25T14:00', 1],
      ['2027-04-08T14:00', 1],
      ['2027-04-15T14:00', 0],
      ['2027-04-22T14:00', 1],
      ['2027-04-29T14:00', 0],
    ]);
    expect(r.json().firstLocal).toBe('2027-04-08T14:00');
    expect(await notices(['meetingChanged'])).toHaveLength(9);
    expect((await notices(['meetingInvitation'])).length - invitedBefore).toBe(2 * 3);
  });

  it('back to every two weeks cancels the meetings that no longer fall on the rule', async () => {
    const r = await change(thursdays);
    expect(r.statusCode, r.body).toBe(200);
    const schedule = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/schedule`, cookie: w.cookies.memberA })
    ).json();
    const april = schedule.meetings
      .filter((m: { localStart: string }) => m.localStart.startsWith('2027-04'))
      .map((m: { localStart: string; status: string }) => [m.localStart, m.status]);
    expect(april).toEqual([
      ['2027-04-08T14:00', 'scheduled'],
      ['2027-04-15T14:00', 'cancelled'],
      ['2027-04-22T14:00', 'scheduled'],
      ['2027-04-29T14:00', 'cancelled'],
    ]);
    expect(await notices(['meetingCancelled'])).toHaveLength(2 * 3);
    expect(await notices(['meetingChanged'])).toHaveLength(9);
  });

  it('refuses a change that starts in the past, a bad body, or someone who may not schedule; nothing changes', async () => {
    const unchanged = await series();
    const outboxBefore = (await notices(['meetingChanged', 'meetingCancelled', 'meetingInvitation'])).length;

    const past = await change({ ...thursdays, firstLocal: '2027-03-18T14:00' });
    expect(past.statusCode).toBe(400);
    expect(past.headers['content-type']).toContain('application/problem+json');
    expect(past.json().errors).toEqual([{ field: 'body.firstLocal', message: 'must be later than now' }]);

    const both = await change({ ...thursdays, rrule: 'FREQ=WEEKLY;BYDAY=TH' });
    expect(both.statusCode).toBe(400);
    const daily = await change({ ...thursdays, pattern: undefined, rrule: 'FREQ=DAILY' });
    expect(daily.statusCode).toBe(400);
    const noTime = await change({ ...thursdays, firstLocal: '2027-04-01' });
    expect(noTime.statusCode).toBe(400);

    expect((await change(thursdays, w.cookies.memberA)).statusCode).toBe(403);
    expect((await change(thursdays, w.cookies.memberB)).statusCode).toBe(404);
    expect((await change(thursdays, w.cookies.otherCoordinator)).statusCode).toBe(404);
    const unknown = await t.call({
      method: 'PUT',
      url: '/api/series/6f1b1f6e-3a52-4d8e-9a39-0b7c1c1e2a10',
      cookie: w.cookies.facilitatorA,
      payload: thursdays,
    });
    expect(unknown.statusCode).toBe(404);

    expect(await series()).toEqual(unchanged);
    expect((await notices(['meetingChanged', 'meetingCancelled', 'meetingInvitation'])).length).toBe(
      outboxBefore,
    );
  });

  it('refuses to change a cancelled series', async () => {
    await t.call({ method: 'DELETE', url: `/api/series/${seriesId}`, cookie: w.cookies.facilitatorA });
    const r = await change(thursdays);
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });
});
