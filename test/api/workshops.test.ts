// Workshops: a programme event of kind 'workshop' for everyone in the programme, dated directly or by a
// programme poll, with RSVPs (capacity), attendance, notes and materials, and private actions.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationScheduler } from '../../src/server/features/notifications/scheduler.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe.each(storeKinds)('workshops, on %s', (kind) => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  let w: World;
  let clock: Date;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
    smtp = undefined;
  });

  const call = (role: Role, method: Method, url: string, payload?: object) =>
    t!.call({ method, url, cookie: w.cookies[role], ...(payload ? { payload } : {}) });
  async function ok(role: Role, method: Method, url: string, payload?: object) {
    const r = await call(role, method, url, payload);
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  }

  async function start(overrides: Parameters<typeof createTestApp>[1] = {}) {
    clock = new Date('2027-03-01T09:00:00Z');
    t = await createTestApp(kind, overrides, { now: () => clock });
    w = await buildWorld(t);
  }

  async function themes(...names: string[]): Promise<string[]> {
    let body: { themes: { id: string; name: string }[] } = { themes: [] };
    for (const name of names)
      body = await ok('coordinator', 'POST', `/api/programmes/${w.programmeId}/themes`, { name });
    return names.map((n) => body.themes.find((x) => x.name === n)!.id);
  }

  async function dated(payload: object = {}) {
    const r = await call('coordinator', 'POST', `/api/programmes/${w.programmeId}/workshops`, {
      title: 'Spring workshop',
      agenda: '1. Welcome\n2. Themes',
      timeZone: 'Europe/London',
      durationMinutes: 240,
      place: 'Oxfam House',
      localStart: '2027-04-20T10:00',
      ...payload,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  }

  it('is planned through a programme poll: confirming the poll dates the workshop, with its themes', async () => {
    await start();
    const [power, money] = await themes('Power in partnerships', 'Funding pressure');
    const created = await ok('coordinator', 'POST', `/api/programmes/${w.programmeId}/workshops`, {
      title: 'Mid-year workshop',
      agenda: '## Morning\nThemes from the sets',
      themeIds: [money, power],
      facilitatorId: w.people.outsider,
      capacity: 20,
      timeZone: 'Europe/London',
      durationMinutes: 240,
      videoUrl: 'https://meet.example.org/workshop',
      pollOptions: ['2027-05-18T10:00', '2027-05-19T10:00'],
    });
    expect(created.state).toBe('awaitingPoll');
    expect(created.event).toBeNull();
    expect(created.themes.map((x: { name: string }) => x.name)).toEqual([
      'Funding pressure',
      'Power in partnerships',
    ]);
    expect(created.facilitator).toEqual({ id: w.people.outsider, name: 'outsider person' });
    // Nobody can answer before it has a date.
    const early = await call('memberA', 'PUT', `/api/workshops/${created.id}/rsvp`, { answer: 'coming' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/no date yet/);

    const poll = await ok('memberA', 'GET', `/api/polls/${created.pollId}`);
    expect(poll.title).toBe('Mid-year workshop');
    const second = poll.options[1].id;
    await ok('memberA', 'PUT', `/api/polls/${poll.id}/answers`, {
      answers: [{ optionId: second, answer: 'yes' }],
    });
    const confirmed = await ok('coordinator', 'POST', `/api/polls/${poll.id}/confirm`, { optionId: second });
    expect(confirmed.result.programmeEventId).toBeTruthy();

    const workshop = await ok('memberB', 'GET', `/api/workshops/${created.id}`);
    expect(workshop.state).toBe('planned');
    expect(workshop.event.id).toBe(confirmed.result.programmeEventId);
    expect(workshop.event.kind).toBe('workshop');
    expect(workshop.event.localStart).toBe('2027-05-19T10:00');
    expect(workshop.event.localEnd).toBe('2027-05-19T14:00');
    expect(workshop.event.videoUrl).toBe('https://meet.example.org/workshop');
    expect(workshop.abilities['workshop.rsvp']).toBe(true);
    expect(workshop.abilities['workshop.manage']).toBe(false);

    // The programme's events, the coordinator's calendar and Upcoming show it, linked to the workshop.
    const events = await ok('memberA', 'GET', `/api/programmes/${w.programmeId}/events`);
    expect(events.map((e: { workshopId: string }) => e.workshopId)).toEqual([created.id]);
    const listed = await ok('memberB', 'GET', `/api/programmes/${w.programmeId}/workshops`);
    expect(listed.map((x: { id: string }) => x.id)).toEqual([created.id]);
  });

  it('takes RSVPs up to its capacity, 409 past it, answers may change; names only for coordinator and facilitator', async () => {
    await start();
    const workshop = await dated({ capacity: 2, facilitatorId: w.people.outsider });
    const url = `/api/workshops/${workshop.id}/rsvp`;
    await ok('memberA', 'PUT', url, { answer: 'coming' });
    await ok('memberB', 'PUT', url, { answer: 'coming' });
    const full = await call('memberA2', 'PUT', url, { answer: 'coming' });
    expect(full.statusCode).toBe(409);
    expect(full.headers['content-type']).toContain('application/problem+json');
    expect(full.json().detail).toMatch(/^The workshop is full/);
    // "maybe" is always possible; a seat freed by a change of mind can be taken.
    await ok('memberA2', 'PUT', url, { answer: 'maybe' });
    await ok('memberB', 'PUT', url, { answer: 'notComing' });
    const taken = await ok('memberA2', 'PUT', url, { answer: 'coming' });
    expect(taken.counts).toEqual({ coming: 2, notComing: 1, maybe: 0 });
    expect(taken.myRsvp).toBe('coming');
    expect(taken.seatsLeft).toBe(0);
    // Answering the same again changes nothing.
    expect((await ok('memberA2', 'PUT', url, { answer: 'coming' })).counts.coming).toBe(2);

    // Participants see counts, never names.
    expect(taken.rsvps).toBeNull();
    for (const role of ['coordinator', 'outsider', 'admin'] as const) {
      const seen = await ok(role, 'GET', `/api/workshops/${workshop.id}`);
      expect(
        seen.rsvps.map((r: { person: { name: string }; answer: string }) => `${r.person.name}:${r.answer}`),
      ).toEqual(['memberA person:coming', 'memberA2 person:coming', 'memberB person:notComing']);
    }
    // The facilitator, in none of the programme's sets, has it in Upcoming and in their calendar feed.
    const upcoming = await ok('outsider', 'GET', '/api/me/upcoming');
    expect(upcoming.events.map((e: { workshopId: string }) => e.workshopId)).toEqual([workshop.id]);
    const feed = await ok('outsider', 'POST', '/api/me/calendar-feed');
    const ics = (await t!.call({ method: 'GET', url: new URL(feed.url).pathname })).body;
    expect(ics).toContain(`UID:programme-event-${workshop.event.id}`);
    expect((await ok('otherCoordinator', 'GET', '/api/me/upcoming')).events).toEqual([]);
    // Only participants answer; the capacity cannot drop below those coming.
    expect((await call('coordinator', 'PUT', url, { answer: 'coming' })).statusCode).toBe(403);
    const lower = await call('coordinator', 'PATCH', `/api/workshops/${workshop.id}`, { capacity: 1 });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().detail).toMatch(/capacity cannot be lower/);
    // Bad answers are 400 with the field named.
    const bad = await call('memberA', 'PUT', url, { answer: 'perhaps' });
    expect(bad.statusCode).toBe(400);
  });

  it('lets no two people take the last seat at once', async () => {
    await start();
    const workshop = await dated({ capacity: 1 });
    const url = `/api/workshops/${workshop.id}/rsvp`;
    const tries = ['memberA', 'memberA2', 'memberB', 'facilitatorA'] as const;
    const results = await Promise.all(tries.map((role) => call(role, 'PUT', url, { answer: 'coming' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect((await ok('coordinator', 'GET', `/api/workshops/${workshop.id}`)).counts.coming).toBe(1);
  });

  it('is held: attendance and notes by coordinator or facilitator, notes for programme participants only', async () => {
    await start();
    const workshop = await dated({ facilitatorId: w.people.outsider });
    const attendanceUrl = `/api/workshops/${workshop.id}/attendance`;
    const before = await call('coordinator', 'PUT', attendanceUrl, {
      attendance: [{ personId: w.people.memberA, present: true }],
    });
    expect(before.statusCode).toBe(409);
    expect(before.json().detail).toMatch(/once the workshop has begun/);
    await ok('memberA', 'PUT', `/api/workshops/${workshop.id}/rsvp`, { answer: 'coming' });

    clock = new Date('2027-04-20T13:00:00Z'); // under way
    const recorded = await ok('outsider', 'PUT', attendanceUrl, {
      attendance: [
        { personId: w.people.memberA, present: true },
        { personId: w.people.memberB, present: true },
        { personId: w.people.memberA2, present: false },
      ],
    });
    expect(recorded.state).toBe('held');
    expect(recorded.attendedCount).toBe(2);
    expect(
      recorded.attendance.map(
        (a: { person: { name: string }; present: boolean | null }) => `${a.person.name}:${a.present}`,
      ),
    ).toEqual([
      'facilitatorA person:null',
      'memberA person:true',
      'memberA2 person:false',
      'memberB person:true',
    ]);
    const stranger = await call('coordinator', 'PUT', attendanceUrl, {
      attendance: [{ personId: w.people.otherCoordinator, present: true }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().detail).toMatch(/participants/);
    expect(
      (
        await call('memberA', 'PUT', attendanceUrl, {
          attendance: [{ personId: w.people.memberA, present: true }],
        })
      ).statusCode,
    ).toBe(403);

    await ok('coordinator', 'PUT', `/api/workshops/${workshop.id}/notes`, {
      notes: '## What we heard\n- Funding cycles drive short-termism',
    });
    const withMaterial = await ok('outsider', 'POST', `/api/workshops/${workshop.id}/materials`, {
      title: 'Slides',
      url: 'https://files.example.org/slides.pdf',
    });
    expect(withMaterial.materials.map((m: { title: string }) => m.title)).toEqual(['Slides']);
    expect(
      (await call('memberA', 'PUT', `/api/workshops/${workshop.id}/notes`, { notes: 'mine' })).statusCode,
    ).toBe(403);

    for (const role of ['memberA', 'memberB', 'facilitatorA', 'coordinator', 'admin', 'outsider'] as const) {
      const seen = await ok(role, 'GET', `/api/workshops/${workshop.id}`);
      expect(seen.notes).toContain('Funding cycles');
      expect(seen.materials).toHaveLength(1);
    }
    // Participants see how many came, never who.
    const member = await ok('memberB', 'GET', `/api/workshops/${workshop.id}`);
    expect(member.attendedCount).toBe(2);
    expect(member.attendance).toBeNull();
    // Other programmes and other hosts do not know it exists.
    for (const role of ['otherCoordinator'] as const) {
      expect((await call(role, 'GET', `/api/workshops/${workshop.id}`)).statusCode).toBe(404);
      expect((await call(role, 'GET', `/api/workshops/${workshop.id}/calendar.ics`)).statusCode).toBe(404);
      expect((await call(role, 'GET', `/api/programmes/${w.programmeId}/workshops`)).statusCode).toBe(404);
    }
    // RSVPs are closed once it has begun.
    expect(
      (await call('memberB', 'PUT', `/api/workshops/${workshop.id}/rsvp`, { answer: 'coming' })).statusCode,
    ).toBe(409);
  });

  it('keeps each participant’s workshop actions private to them', async () => {
    await start();
    const workshop = await dated();
    const url = `/api/workshops/${workshop.id}/actions`;
    const early = await call('memberA', 'POST', url, { text: 'Talk to our funder' });
    expect(early.statusCode).toBe(409);
    clock = new Date('2027-04-20T12:00:00Z');
    const created = await call('memberA', 'POST', url, { text: 'Talk to our funder', dueOn: '2027-05-01' });
    expect(created.statusCode, created.body).toBe(201);
    const action = created.json();
    expect(action.workshop).toMatchObject({ id: workshop.id, title: 'Spring workshop' });
    expect((await call('coordinator', 'POST', url, { text: 'x' })).statusCode).toBe(403);

    const mine = await ok('memberA', 'GET', '/api/me/workshop-actions');
    expect(mine.map((a: { text: string }) => a.text)).toEqual(['Talk to our funder']);
    for (const role of ['memberA2', 'facilitatorA', 'coordinator', 'admin', 'memberB'] as const) {
      expect(await ok(role, 'GET', '/api/me/workshop-actions')).toEqual([]);
      const r = await call(role, 'PATCH', `/api/workshop-actions/${action.id}`, { status: 'done' });
      expect(r.statusCode).toBe(404);
    }
    const done = await ok('memberA', 'PATCH', `/api/workshop-actions/${action.id}`, { status: 'done' });
    expect(done.status).toBe('done');
    // No workshop view carries anyone's actions.
    expect(JSON.stringify(await ok('coordinator', 'GET', `/api/workshops/${workshop.id}`))).not.toContain(
      'funder',
    );
  });

  it('is in the iCal feed and its own .ics; moving it tells everyone with SEQUENCE + 1', async () => {
    await start();
    const workshop = await dated({ videoUrl: 'https://meet.example.org/w' });
    const feed = await ok('memberA', 'POST', '/api/me/calendar-feed');
    const path = new URL(feed.url).pathname;
    const ics = (await t!.call({ method: 'GET', url: path })).body;
    const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    const mine = vevents.find((v) =>
      String(v.getFirstPropertyValue('uid')).startsWith(`programme-event-${workshop.event.id}`),
    )!;
    expect(mine).toBeTruthy();
    expect(mine.getFirstPropertyValue('summary')).toBe('Learning Practitioners: Spring workshop');
    expect(String(mine.getFirstPropertyValue('location'))).toContain('Oxfam House');

    const own = await call('memberB', 'GET', `/api/workshops/${workshop.id}/calendar.ics`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('text/calendar');

    const moved = await ok('coordinator', 'PATCH', `/api/workshops/${workshop.id}`, {
      localStart: '2027-04-21T10:00',
    });
    expect(moved.event.localStart).toBe('2027-04-21T10:00');
    expect(moved.event.sequence).toBe(1);
    const again = (await call('memberB', 'GET', `/api/workshops/${workshop.id}/calendar.ics`)).body;
    const event = new ICAL.Component(ICAL.parse(again)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    const kinds = await t!.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address'])
      .where('kind', 'in', ['workshopInvitation', 'programmeEventChanged'])
      .execute();
    const of = (k: string) =>
      kinds
        .filter((m) => m.kind === k)
        .map((m) => m.to_address)
        .sort();
    const everyone = [
      'facilitatora@example.org',
      'membera2@example.org',
      'membera@example.org',
      'memberb@example.org',
    ];
    expect(of('workshopInvitation')).toEqual(everyone);
    expect(of('programmeEventChanged')).toEqual(everyone);
    // Bad input: a start in the past, a theme of another programme, a facilitator of no host.
    const past = await call('coordinator', 'PATCH', `/api/workshops/${workshop.id}`, {
      localStart: '2026-01-01T10:00',
    });
    expect(past.statusCode).toBe(400);
    const both = await call('coordinator', 'POST', `/api/programmes/${w.programmeId}/workshops`, {
      title: 'x',
      timeZone: 'Europe/London',
      localStart: '2027-06-01T10:00',
      pollOptions: ['2027-06-01T10:00', '2027-06-02T10:00'],
    });
    expect(both.statusCode).toBe(400);
    const otherTheme = (
      await ok('otherCoordinator', 'POST', `/api/programmes/${w.otherProgrammeId}/themes`, {
        name: 'Elsewhere',
      })
    ).themes[0].id;
    const wrongTheme = await call('coordinator', 'PATCH', `/api/workshops/${workshop.id}`, {
      themeIds: [otherTheme],
    });
    expect(wrongTheme.statusCode).toBe(400);
    expect(wrongTheme.json().detail).toMatch(/not one of this programme/);
    expect(
      (await call('memberA', 'PATCH', `/api/workshops/${workshop.id}`, { title: 'Mine' })).statusCode,
    ).toBe(403);
  });

  it('sends invitations with .ics and reminders through SMTP, respecting preferences and "not coming"', async () => {
    smtp = await startSmtpCatcher();
    clock = new Date('2027-03-01T09:00:00Z');
    t = await createTestApp(
      kind,
      { smtpUrl: smtp.url, mailFrom: 'revans@example.org' },
      { startMailWorker: true, now: () => clock },
    );
    w = await buildWorld(t);
    // memberA2 turned reminders off; memberB is not coming.
    await ok('memberA2', 'PUT', '/api/me/notifications', {
      disabled: ['reminders'],
      reminderOffsets: [2 * 24 * 60, 120],
    });
    const workshop = await dated({ facilitatorId: w.people.outsider });
    await ok('memberB', 'PUT', `/api/workshops/${workshop.id}/rsvp`, { answer: 'notComing' });
    const invitation = await smtp.waitFor(
      (m) => m.envelope.to.includes('membera@example.org') && /^Workshop:/.test(m.subject ?? ''),
    );
    expect(invitation.subject).toBe('Workshop: Spring workshop (Learning Practitioners) on Tue, 20 Apr 2027');
    expect(invitation.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    // The facilitator, from outside the sets, is invited too.
    await smtp.waitFor(
      (m) => m.envelope.to.includes('outsider@example.org') && /^Workshop:/.test(m.subject ?? ''),
    );

    clock = new Date('2027-04-18T09:30:00Z'); // two days before (09:00 UTC, BST)
    const scheduler = new NotificationScheduler(t.ctx, 60_000);
    const round = await scheduler.tick();
    expect(round.reminders).toBe(3); // facilitatorA, memberA, outsider
    expect((await scheduler.tick()).reminders).toBe(0);
    const reminder = await smtp.waitFor((m) => /^Reminder: the workshop/.test(m.subject ?? ''));
    expect(reminder.subject).toBe('Reminder: the workshop Spring workshop is in 2 days');
    await new Promise((r) => setTimeout(r, 500));
    const to = smtp.messages
      .filter((m) => /^Reminder: the workshop/.test(m.subject ?? ''))
      .flatMap((m) => m.envelope.to)
      .sort();
    expect(to).toEqual(['facilitatora@example.org', 'membera@example.org', 'outsider@example.org']);
  });
});
