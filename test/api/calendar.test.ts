import ICAL from 'ical.js';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

interface ParsedEvent {
  uid: string;
  sequence: number;
  start: string;
  end: string;
  status: string;
  summary: string;
  location: string;
  description: string;
}

/** Reads an .ics with ical.js and with node-ical; both must agree on every event. */
function parseBoth(text: string): ParsedEvent[] {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const tz of component.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const a = component.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue('status') ?? ''),
      summary: event.summary,
      location: event.location ?? '',
      description: event.description ?? '',
    };
  });
  const b = Object.values(ical.sync.parseICS(text))
    .filter((c) => c?.type === 'VEVENT')
    .map((c) => {
      const e = c as ical.VEvent;
      return {
        uid: e.uid,
        sequence: Number(e.sequence),
        start: e.start.toISOString(),
        end: e.end!.toISOString(),
        status: String(e.status ?? ''),
        summary: String(e.summary),
        location: String(e.location ?? ''),
        description: String(e.description ?? ''),
      };
    });
  expect(b.length).toBe(a.length);
  for (const event of a) {
    const other = b.find((e) => e.uid === event.uid)!;
    expect(other, event.uid).toBeDefined();
    expect({ ...other, description: '' }).toEqual({ ...event, description: '' });
  }
  return a.sort((x, y) => x.start.localeCompare(y.start));
}

describe.each(storeKinds)('schedules across time zones, calendar feeds and .ics files, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const clock = new Date('2027-01-04T09:00:00Z');
  let seriesId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
    // The set spans three continents.
    const zones = {
      facilitatorA: 'Europe/London',
      memberA: 'America/New_York',
      memberA2: 'Australia/Sydney',
    };
    for (const [role, zone] of Object.entries(zones))
      await t.ctx.store.plain
        .updateTable('person')
        .set({ time_zone: zone })
        .where('id', '=', w.people[role as keyof typeof zones])
        .execute();
  });
  afterAll(() => t.close());

  it('creates a London series every week over March and April, at 10:00 London whatever the season', async () => {
    const r = await t.call({
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
        videoUrl: 'https://meet.example.org/set-a',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const series = r.json();
    seriesId = series.id;
    expect(series.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(series.meetings.map((m: { localStart: string }) => m.localStart)).toEqual([
      '2027-03-03T10:00',
      '2027-03-17T10:00',
      '2027-03-31T10:00',
      '2027-04-14T10:00',
      '2027-04-28T10:00',
    ]);
    expect(series.meetings.map((m: { startsAt: string }) => m.startsAt.slice(11, 16))).toEqual([
      '10:00',
      '10:00',
      '09:00',
      '09:00',
      '09:00',
    ]);
  });

  it('shows each member the meetings in their own zone (New York and Sydney change on other dates)', async () => {
    const ny = (await t.call({ method: 'GET', url: '/api/me/upcoming', cookie: w.cookies.memberA })).json();
    expect(ny.timeZone).toBe('America/New_York');
    expect(ny.meetings.map((m: { viewerLocalStart: string }) => m.viewerLocalStart)).toEqual([
      '2027-03-03T05:00', // EST, GMT
      '2027-03-17T06:00', // EDT since 14 March, London still on GMT
      '2027-03-31T05:00', // both on summer time
      '2027-04-14T05:00',
      '2027-04-28T05:00',
    ]);
    const syd = (await t.call({ method: 'GET', url: '/api/me/upcoming', cookie: w.cookies.memberA2 })).json();
    expect(syd.meetings.map((m: { viewerLocalStart: string }) => m.viewerLocalStart)).toEqual([
      '2027-03-03T21:00', // AEDT
      '2027-03-17T21:00',
      '2027-03-31T20:00', // London on BST, Sydney still AEDT
      '2027-04-14T19:00', // Sydney back on AEST since 4 April
      '2027-04-28T19:00',
    ]);
    expect(syd.meetings[0]).toMatchObject({ timeZone: 'Europe/London', localStart: '2027-03-03T10:00' });
  });

  it('mails one invitation per member with every time in their own zone and the .ics attached', async () => {
    const mails = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .innerJoin('person', 'person.email', 'mail_outbox.to_address')
      .select([
        'person.id as person_id',
        'mail_outbox.text_body',
        'mail_outbox.attachments_json',
        'mail_outbox.kind',
      ])
      .where('mail_outbox.kind', '=', 'seriesInvitation')
      .execute();
    expect(mails.map((m) => m.person_id).sort()).toEqual(
      [w.people.facilitatorA, w.people.memberA, w.people.memberA2].sort(),
    );
    const sydney = mails.find((m) => m.person_id === w.people.memberA2)!;
    expect(sydney.text_body).toContain('Wed, 31 Mar 2027, 20:00–23:00 (Australian Eastern Time)');
    expect(sydney.text_body).toContain('Wed, 14 Apr 2027, 19:00–22:00 (Australian Eastern Time)');
    const ny = mails.find((m) => m.person_id === w.people.memberA)!;
    expect(ny.text_body).toContain('Wed, 17 Mar 2027, 06:00–09:00 (Eastern Time)');
    expect(ny.text_body).toMatch(/http:\/\/localhost:3000\/unsubscribe\/\S+/);
    const [attachment] = JSON.parse(sydney.attachments_json!);
    expect(attachment.filename).toBe('meeting.ics');
    const events = parseBoth(attachment.content);
    expect(events).toHaveLength(5);
    expect(events[2]!.start).toBe('2027-03-31T09:00:00.000Z');
  });

  it('serves a private feed (token is the credential) that both parsers read, with nothing but what a calendar needs', async () => {
    const none = await t.call({ method: 'GET', url: '/api/me/calendar-feed', cookie: w.cookies.memberA });
    expect(none.json()).toEqual({ active: false, createdAt: null });
    const created = await t.call({ method: 'POST', url: '/api/me/calendar-feed', cookie: w.cookies.memberA });
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().url);
    expect(url.origin).toBe('http://localhost:3000');
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VTIMEZONE');
    expect(feed.body).toContain('TZID:Europe/London');
    const events = parseBoth(feed.body);
    expect(events.map((e) => e.start)).toEqual([
      '2027-03-03T10:00:00.000Z',
      '2027-03-17T10:00:00.000Z',
      '2027-03-31T09:00:00.000Z',
      '2027-04-14T09:00:00.000Z',
      '2027-04-28T09:00:00.000Z',
    ]);
    expect(events[0]).toMatchObject({
      summary: 'Action learning set: Set A',
      location: 'Oxfam House, room 3 · https://meet.example.org/set-a',
      status: 'CONFIRMED',
      sequence: 0,
    });
    // No set content: write some, and it must not appear.
    await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/problems`,
      cookie: w.cookies.memberA,
      payload: {
        title: 'Secret partnership trouble',
        story: 'Nobody outside the set may read this.',
        kind: 'work-project',
        intake: { real: true, current: true, openEnded: true, mineToActOn: true },
      },
    });
    const again = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(again.body).not.toContain('Secret');
    expect(again.body).not.toContain('member');
  });

  it('propagates a moved and a skipped meeting: same UID, higher SEQUENCE, STATUS:CANCELLED', async () => {
    const series = (
      await t.call({ method: 'GET', url: `/api/series/${seriesId}`, cookie: w.cookies.memberA })
    ).json();
    const second = series.meetings[1];
    const third = series.meetings[2];
    const before = parseBoth(
      (
        await t.call({
          method: 'GET',
          url: `/api/meetings/${second.meetingId}/calendar.ics`,
          cookie: w.cookies.memberA,
        })
      ).body,
    )[0]!;
    const moved = await t.call({
      method: 'POST',
      url: `/api/series/${seriesId}/exceptions`,
      cookie: w.cookies.facilitatorA,
      payload: { kind: 'move', occurrenceKey: second.occurrenceKey, toLocal: '2027-03-18T14:00' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const skipped = await t.call({
      method: 'POST',
      url: `/api/series/${seriesId}/exceptions`,
      cookie: w.cookies.facilitatorA,
      payload: { kind: 'skip', occurrenceKey: third.occurrenceKey },
    });
    expect(skipped.statusCode).toBe(200);
    const added = await t.call({
      method: 'POST',
      url: `/api/series/${seriesId}/exceptions`,
      cookie: w.cookies.facilitatorA,
      payload: { kind: 'add', local: '2027-04-21T10:00' },
    });
    expect(added.json().meetings).toHaveLength(6);

    const after = parseBoth(
      (
        await t.call({
          method: 'GET',
          url: `/api/meetings/${second.meetingId}/calendar.ics`,
          cookie: w.cookies.memberA,
        })
      ).body,
    )[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start).toBe('2027-03-18T14:00:00.000Z');

    const regenerated = await t.call({
      method: 'POST',
      url: '/api/me/calendar-feed',
      cookie: w.cookies.memberA2,
    });
    const feed = parseBoth(
      (await t.app.inject({ method: 'GET', url: new URL(regenerated.json().url).pathname })).body,
    );
    const cancelled = feed.find((e) => e.uid === `meeting-${third.meetingId}@revans`)!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(feed.some((e) => e.start === '2027-04-21T09:00:00.000Z')).toBe(true);

    // Members were told, in their own zone, with the changed .ics.
    const notices = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address', 'subject', 'text_body', 'attachments_json'])
      .where('kind', 'in', ['meetingChanged', 'meetingCancelled', 'meetingInvitation'])
      .execute();
    const nyChange = notices.find(
      (n) => n.kind === 'meetingChanged' && n.to_address === 'membera@example.org',
    )!;
    expect(nyChange.text_body).toContain('Thu, 18 Mar 2027, 10:00–13:00 (your time;');
    expect(parseBoth(JSON.parse(nyChange.attachments_json!)[0].content)[0]!.sequence).toBe(1);
    expect(notices.filter((n) => n.kind === 'meetingCancelled')).toHaveLength(3);
    expect(notices.filter((n) => n.kind === 'meetingInvitation')).toHaveLength(3);
  });

  it('picks up changes made through the meeting itself, once per change', async () => {
    const { meetings } = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/schedule`, cookie: w.cookies.facilitatorA })
    ).json();
    const last = meetings.at(-1);
    const patch = await t.call({
      method: 'PATCH',
      url: `/api/meetings/${last.id}`,
      cookie: w.cookies.facilitatorA,
      payload: { place: 'WaterAid, room 1' },
    });
    expect(patch.statusCode).toBe(200);
    const { NotificationScheduler } = await import('../../src/server/features/notifications/scheduler.ts');
    const scheduler = new NotificationScheduler(t.ctx, 1000);
    const first = await scheduler.tick();
    expect(first.notices).toBe(3);
    expect((await scheduler.tick()).notices).toBe(0);
  });

  it('revokes a feed: the old address stops working', async () => {
    const created = await t.call({
      method: 'POST',
      url: '/api/me/calendar-feed',
      cookie: w.cookies.facilitatorA,
    });
    const path = new URL(created.json().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    await t.call({ method: 'DELETE', url: '/api/me/calendar-feed', cookie: w.cookies.facilitatorA });
    const gone = await t.app.inject({ method: 'GET', url: path });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps .ics downloads and schedules within the set and its programme', async () => {
    const { meetings } = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/schedule`, cookie: w.cookies.coordinator })
    ).json();
    const url = `/api/meetings/${meetings[0].id}/calendar.ics`;
    expect((await t.call({ method: 'GET', url, cookie: w.cookies.memberB })).statusCode).toBe(404);
    expect((await t.call({ method: 'GET', url, cookie: w.cookies.coordinator })).statusCode).toBe(200);
    const cal = await t.call({
      method: 'GET',
      url: `/api/programmes/${w.programmeId}/calendar`,
      cookie: w.cookies.coordinator,
    });
    expect(cal.json().meetings.length).toBeGreaterThan(0);
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/programmes/${w.programmeId}/calendar`,
          cookie: w.cookies.memberA,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows the facilitator expected attendance and whether the set’s minimum is met', async () => {
    const rule = await t.call({
      method: 'PUT',
      url: `/api/sets/${w.setA}/attendance-rule`,
      cookie: w.cookies.facilitatorA,
      payload: { minPresent: 3, note: 'We meet when at least three can come.' },
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const first = rule.json().meetings[0];
    await t.call({
      method: 'PUT',
      url: `/api/meetings/${first.id}/attendance/me`,
      cookie: w.cookies.memberA2,
      payload: { status: 'apologies', note: 'Board meeting that day' },
    });
    const schedule = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/schedule`, cookie: w.cookies.facilitatorA })
    ).json();
    expect(schedule.attendanceRule).toEqual({ minPresent: 3, note: 'We meet when at least three can come.' });
    expect(schedule.meetings[0]).toMatchObject({ expectedCount: 2, apologiesCount: 1, goesAhead: false });
    expect(
      schedule.meetings[0].attendance.find((a: { personId: string }) => a.personId === w.people.memberA2),
    ).toMatchObject({ status: 'apologies', apologyNote: 'Board meeting that day' });
    const coordinatorView = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}/schedule`, cookie: w.cookies.coordinator })
    ).json();
    expect(JSON.stringify(coordinatorView)).not.toContain('Board meeting');
    // The programme's calendar counts the apologies of each meeting, and only counts them.
    const calendar = (
      await t.call({
        method: 'GET',
        url: `/api/programmes/${w.programmeId}/calendar`,
        cookie: w.cookies.coordinator,
      })
    ).json();
    const counts = new Map(
      calendar.meetings.map((m: { id: string; apologiesCount: number }) => [m.id, m.apologiesCount]),
    );
    expect(counts.get(first.id)).toBe(1);
    expect([...counts].filter(([id]) => id !== first.id).every(([, n]) => n === 0)).toBe(true);
    expect(JSON.stringify(calendar)).not.toContain('Board meeting');
    expect(JSON.stringify(calendar)).not.toContain(w.people.memberA2);
  });

  it('refuses a series without an end when the programme has none, with a human sentence', async () => {
    const r = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setB}/series`,
      cookie: w.cookies.coordinator,
      payload: { firstLocal: '2027-03-03T10:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;INTERVAL=4' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toMatch(/end date/);
    const bad = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setB}/series`,
      cookie: w.cookies.coordinator,
      payload: {
        firstLocal: '2027-03-03T10:00',
        timeZone: 'Europe/London',
        rrule: 'FREQ=HOURLY',
        untilDate: '2027-05-01',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/weekly or monthly/);
    const denied = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/series`,
      cookie: w.cookies.memberA,
      payload: {
        firstLocal: '2027-03-03T10:00',
        timeZone: 'Europe/London',
        rrule: 'FREQ=WEEKLY',
        untilDate: '2027-05-01',
      },
    });
    expect(denied.statusCode).toBe(403);
  });
});
