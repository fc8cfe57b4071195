import ICAL from 'ical.js';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationScheduler } from '../../src/server/features/notifications/scheduler.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type CaughtMail, type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { buildWorld, type World } from '../support/world.ts';

/** Everyone in the programme's sets: set A's facilitator and two members, set B's member. */
const programmePeople = [
  'facilitatora@example.org',
  'membera2@example.org',
  'membera@example.org',
  'memberb@example.org',
];

/** The events of an .ics, read by ical.js and checked against node-ical. */
function events(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const tz of component.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const parsed = component.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      zone: e.startDate.zone?.tzid,
      status: String(v.getFirstPropertyValue('status') ?? ''),
      summary: e.summary,
      location: e.location ?? '',
    };
  });
  const other = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
  expect(other.map((e) => [e.uid, e.start.toISOString()])).toEqual(parsed.map((e) => [e.uid, e.start]));
  return parsed;
}

const icsOf = (mail: CaughtMail) =>
  mail.attachments.find((a) => a.filename === 'meeting.ics')!.content.toString('utf8');

async function until(check: () => boolean, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(storeKinds)('programme events from a programme-wide poll, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let smtp: SmtpCatcher;
  let eventId: string;
  let pollId: string;
  const clock = new Date('2027-01-04T09:00:00Z');
  const mailsTo = (subject: string) =>
    smtp.messages
      .filter((m) => m.subject?.startsWith(subject))
      .map((m) => m.envelope.to[0]!)
      .sort();
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who: keyof World['cookies'],
    payload?: object,
  ) => t.call({ method, url, cookie: w.cookies[who], ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: true, now: () => clock });
    w = await buildWorld(t);
    await t.ctx.store.plain
      .updateTable('person')
      .set({ time_zone: 'America/New_York' })
      .where('id', '=', w.people.memberA)
      .execute();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('confirming the date creates the event and mails its .ics with the result, once to each person', async () => {
    const created = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/polls`,
      cookie: w.cookies.coordinator,
      payload: {
        title: 'Mid-programme gathering',
        timeZone: 'Europe/London',
        durationMinutes: 240,
        options: ['2027-05-12T13:00', '2027-05-19T13:00'],
        place: 'Oxfam House, Oxford',
        videoUrl: 'https://meet.example.org/gathering',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    pollId = created.json().id;
    const confirmed = await t.call({
      method: 'POST',
      url: `/api/polls/${pollId}/confirm`,
      cookie: w.cookies.coordinator,
      payload: { optionId: created.json().options[1].id, force: true },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    eventId = confirmed.json().result.programmeEventId;
    expect(eventId).toBeTruthy();

    await until(() => mailsTo('Decided:').length >= 4);
    const again = await t.call({
      method: 'POST',
      url: `/api/polls/${pollId}/confirm`,
      cookie: w.cookies.coordinator,
      payload: { optionId: created.json().options[0].id },
    });
    expect(again.statusCode).toBe(409);
    await new NotificationScheduler(t.ctx, 1000).tick();
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo('Decided:')).toEqual(programmePeople);
    expect(smtp.messages.filter((m) => m.envelope.to[0] === 'outsider@example.org')).toEqual([]);

    const ny = smtp.messages.find(
      (m) => m.envelope.to[0] === 'membera@example.org' && m.subject === 'Decided: Mid-programme gathering',
    )!;
    expect(ny.text).toContain('Wed, 19 May 2027, 08:00–12:00 (your time;');
    expect(ny.text).toContain('Where: Oxfam House, Oxford');
    const text = icsOf(ny);
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(events(text)).toEqual([
      {
        uid: `programme-event-${eventId}@revans`,
        sequence: 0,
        start: '2027-05-19T12:00:00.000Z',
        zone: 'Europe/London',
        status: 'CONFIRMED',
        summary: 'Learning Practitioners: Mid-programme gathering',
        location: 'Oxfam House, Oxford · https://meet.example.org/gathering',
      },
    ]);
  });

  it('shows the event in the Upcoming of everyone in the programme’s sets, in their own zone', async () => {
    for (const who of ['facilitatorA', 'memberA', 'memberA2', 'memberB'] as const) {
      const upcoming = (await call('GET', '/api/me/upcoming', who)).json();
      expect(
        upcoming.events.map((e: { id: string }) => e.id),
        who,
      ).toEqual([eventId]);
    }
    const ny = (await call('GET', '/api/me/upcoming', 'memberA')).json();
    expect(ny.events[0]).toMatchObject({
      title: 'Mid-programme gathering',
      localStart: '2027-05-19T13:00',
      viewerLocalStart: '2027-05-19T08:00',
      timeZone: 'Europe/London',
      status: 'scheduled',
      abilities: { manage: false },
    });
    const coordinator = (
      await call('GET', `/api/programmes/${w.programmeId}/calendar`, 'coordinator')
    ).json();
    expect(coordinator.events).toHaveLength(1);
    expect(coordinator.events[0]).toMatchObject({ id: eventId, abilities: { manage: true } });
  });

  it('keeps the event from people outside the programme', async () => {
    for (const who of ['outsider', 'otherCoordinator'] as const) {
      expect((await call('GET', '/api/me/upcoming', who)).json().events).toEqual([]);
      expect((await call('GET', `/api/programme-events/${eventId}`, who)).statusCode).toBe(404);
      const ics = await call('GET', `/api/programme-events/${eventId}/calendar.ics`, who);
      expect(ics.statusCode).toBe(404);
      expect(ics.headers['content-type']).toContain('application/problem+json');
      expect((await call('GET', `/api/programmes/${w.programmeId}/events`, who)).statusCode).toBe(404);
    }
    const feed = await call('POST', '/api/me/calendar-feed', 'outsider');
    const body = (await t.app.inject({ method: 'GET', url: new URL(feed.json().url).pathname })).body;
    expect(body).not.toContain('programme-event-');
    expect(body).not.toContain('gathering');
  });

  it('puts the event in each member’s private feed and offers its own .ics download', async () => {
    const feed = await call('POST', '/api/me/calendar-feed', 'memberB');
    const body = (await t.app.inject({ method: 'GET', url: new URL(feed.json().url).pathname })).body;
    expect(events(body).map((e) => e.uid)).toEqual([`programme-event-${eventId}@revans`]);
    const download = await call('GET', `/api/programme-events/${eventId}/calendar.ics`, 'memberA2');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('text/calendar');
    expect(download.body).toContain('TZID:Europe/London');
    expect(events(download.body)[0]).toMatchObject({ sequence: 0, start: '2027-05-19T12:00:00.000Z' });
  });

  it('refuses bad changes with problem+json and changes nothing', async () => {
    const url = `/api/programme-events/${eventId}`;
    const bad: object[] = [
      {},
      { localStart: 'next Tuesday' },
      { timeZone: 'Mars/Olympus_Mons' },
      { durationMinutes: 5 },
      { videoUrl: 'javascript:alert(1)' },
      { localStart: '2027-05-26T14:00', colour: 'red' },
      { localStart: '2026-12-01T10:00' },
    ];
    for (const payload of bad) {
      const r = await call('PATCH', url, 'coordinator', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ status: 400, code: 'validation-failed' });
    }
    const notAnId = await call('PATCH', '/api/programme-events/nope', 'coordinator', { place: 'x' });
    expect(notAnId.statusCode).toBe(400);
    const unknown = await call('PATCH', `/api/programme-events/${crypto.randomUUID()}`, 'coordinator', {
      place: 'x',
    });
    expect(unknown.statusCode).toBe(404);
    expect((await call('PATCH', url, 'memberA', { place: 'My kitchen' })).statusCode).toBe(403);
    expect((await call('PATCH', url, 'facilitatorA', { place: 'My office' })).statusCode).toBe(403);
    const still = (await call('GET', url, 'memberA')).json();
    expect(still).toMatchObject({
      sequence: 0,
      place: 'Oxfam House, Oxford',
      localStart: '2027-05-19T13:00',
    });
  });

  it('moves the event: same UID, higher SEQUENCE, and everyone hears of it with the new .ics', async () => {
    smtp.clear();
    const moved = await call('PATCH', `/api/programme-events/${eventId}`, 'coordinator', {
      localStart: '2027-05-26T14:00',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      sequence: 1,
      localStart: '2027-05-26T14:00',
      localEnd: '2027-05-26T18:00',
    });
    await until(() => mailsTo('Changed:').length >= 4);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo('Changed:')).toEqual(programmePeople);
    const ny = smtp.messages.find((m) => m.envelope.to[0] === 'membera@example.org')!;
    expect(ny.subject).toBe(
      'Changed: Mid-programme gathering (Learning Practitioners) is now on Wed, 26 May 2027',
    );
    expect(ny.text).toContain('Wed, 26 May 2027, 09:00–13:00 (your time;');
    expect(events(icsOf(ny))[0]).toMatchObject({
      uid: `programme-event-${eventId}@revans`,
      sequence: 1,
      start: '2027-05-26T13:00:00.000Z',
    });
  });

  it('cancels the event: STATUS:CANCELLED in the feed, everyone told once, no further change', async () => {
    smtp.clear();
    expect((await call('DELETE', `/api/programme-events/${eventId}`, 'memberB')).statusCode).toBe(403);
    const cancelled = await call('DELETE', `/api/programme-events/${eventId}`, 'coordinator');
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      sequence: 2,
      abilities: { manage: false },
    });
    await until(() => mailsTo('Cancelled:').length >= 4);
    const twice = await call('DELETE', `/api/programme-events/${eventId}`, 'coordinator');
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(
      (await call('PATCH', `/api/programme-events/${eventId}`, 'coordinator', { place: 'x' })).statusCode,
    ).toBe(409);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo('Cancelled:')).toEqual(programmePeople);
    expect(smtp.messages).toHaveLength(4);
    const feed = await call('POST', '/api/me/calendar-feed', 'memberA');
    const body = (await t.app.inject({ method: 'GET', url: new URL(feed.json().url).pathname })).body;
    expect(events(body).find((e) => e.uid === `programme-event-${eventId}@revans`)).toMatchObject({
      status: 'CANCELLED',
      sequence: 2,
    });
    const upcoming = (await call('GET', '/api/me/upcoming', 'memberA')).json();
    expect(upcoming.events[0]).toMatchObject({ id: eventId, status: 'cancelled' });
  });
});

describe.each(storeKinds)('a programme date agreed without a poll, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let smtp: SmtpCatcher;
  const clock = new Date('2027-01-04T09:00:00Z');
  const add = (who: keyof World['cookies'], payload: object) =>
    t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/events`,
      cookie: w.cookies[who],
      payload,
    });
  const gathering = {
    title: 'Closing gathering',
    localStart: '2027-06-10T14:00',
    timeZone: 'Europe/London',
    durationMinutes: 180,
    place: 'Friends House, London',
  };

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: true, now: () => clock });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('lets a coordinator set a date directly, and mails everyone in the programme its .ics once', async () => {
    const r = await add('coordinator', gathering);
    expect(r.statusCode, r.body).toBe(201);
    const event = r.json();
    expect(event).toMatchObject({
      title: 'Closing gathering',
      kind: 'gathering',
      pollId: null,
      startsAt: '2027-06-10T13:00:00.000Z',
      endsAt: '2027-06-10T16:00:00.000Z',
      status: 'scheduled',
      abilities: { manage: true },
    });
    await until(() => smtp.messages.filter((m) => m.subject?.startsWith('New date: ')).length >= 4);
    const announced = smtp.messages.filter((m) => m.subject?.startsWith('New date: '));
    expect(announced.map((m) => m.envelope.to[0]).sort()).toEqual(programmePeople);
    const [ics] = events(icsOf(announced[0]!));
    expect(ics).toMatchObject({
      uid: `programme-event-${event.id}@revans`,
      start: '2027-06-10T13:00:00.000Z',
    });
    const upcoming = (
      await t.call({ method: 'GET', url: '/api/me/upcoming', cookie: w.cookies.memberB })
    ).json();
    expect(upcoming.events.map((e: { id: string }) => e.id)).toContain(event.id);
  });

  it('refuses members, other programmes’ coordinators, past times and bad input, adding nothing', async () => {
    const before = await t.ctx.store.plain.selectFrom('programme_event').select('id').execute();
    expect((await add('memberA', gathering)).statusCode).toBe(403);
    expect((await add('otherCoordinator', gathering)).statusCode).toBe(404);
    const past = await add('coordinator', { ...gathering, localStart: '2026-12-01T10:00' });
    expect(past.statusCode).toBe(400);
    expect(past.headers['content-type']).toContain('application/problem+json');
    expect(past.json().detail).toBe('The new time must be later than now.');
    const bad = await add('coordinator', { ...gathering, timeZone: 'Mars/Olympus', durationMinutes: -5 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.durationMinutes', 'body.timeZone']);
    expect(await t.ctx.store.plain.selectFrom('programme_event').select('id').execute()).toEqual(before);
  });
});
