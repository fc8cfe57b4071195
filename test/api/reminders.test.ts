import ICAL from 'ical.js';
import ical from 'node-ical';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationScheduler } from '../../src/server/features/notifications/scheduler.ts';
import { closeContext, createContext } from '../../src/server/runtime.ts';
import { createTestApp, type TestApp, testConfig } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { extractLink, type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { buildWorld, type World } from '../support/world.ts';

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function schedule(t: TestApp, w: World, localStart: string, timeZone = 'Europe/London') {
  const r = await t.call({
    method: 'POST',
    url: `/api/sets/${w.setA}/meetings`,
    cookie: w.cookies.facilitatorA,
    payload: { localStart, timeZone, durationMinutes: 120, place: 'Oxfam House' },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** Intl spaces some languages with no-break or thin spaces; compare words. */
const plain = (text: string | null) =>
  (text ?? '').replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/\s*\n\s*/g, ' ');

const count = (list: string[]) =>
  list.reduce<Record<string, number>>((acc, k) => {
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

describe.each(storeKinds)('reminders and notices, on %s', (kind) => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
    smtp = undefined;
  });

  it("writes a reminder and an .ics in each person's own time and language, naming the meeting's zone", async () => {
    let clock = new Date('2027-02-26T12:00:00Z');
    t = await createTestApp(kind, {}, { now: () => clock });
    const w = await buildWorld(t);
    // memberA reads French in New York, memberA2 Spanish in Kolkata; the meeting is set in London.
    const set = (id: string, values: { time_zone: string; language: string }) =>
      t!.ctx.store.plain.updateTable('person').set(values).where('id', '=', id).execute();
    await set(w.people.memberA, { time_zone: 'America/New_York', language: 'fr' });
    await set(w.people.memberA2, { time_zone: 'Asia/Kolkata', language: 'es' });
    // Thu 4 March 2027 09:00–11:00 London (GMT) = 04:00 New York (EST) = 14:30 Kolkata (IST).
    const meetingId = await schedule(t, w, '2027-03-04T09:00');
    const scheduler = new NotificationScheduler(t.ctx, 1000);
    await scheduler.tick();
    clock = new Date('2027-03-02T09:00:00Z'); // two days before
    await scheduler.tick();
    const mails = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address', 'subject', 'text_body', 'attachments_json'])
      .orderBy('created_at')
      .execute();
    const mail = (kind: string, to: string) => mails.find((m) => m.kind === kind && m.to_address === to)!;

    const ny = mail('reminder', 'membera@example.org');
    expect(plain(ny.subject)).toBe('Rappel : Set A se réunit après-demain');
    expect(plain(ny.text_body)).toContain(
      'Quand : jeu. 4 mars 2027, 04:00 – 06:00 (votre heure ; 09:00 – 11:00 heure : Royaume-Uni)',
    );
    const kolkata = mail('reminder', 'membera2@example.org');
    expect(plain(kolkata.subject)).toBe('Recordatorio: Set A se reúne pasado mañana');
    expect(plain(kolkata.text_body)).toContain(
      'Cuándo: jue, 4 mar 2027, 14:30–16:30 (su hora; 9:00–11:00 hora de Reino Unido)',
    );
    // The facilitator, in London like the meeting, reads one time and no second zone.
    expect(plain(mail('reminder', 'facilitatora@example.org').text_body)).toContain(
      'When: Thu, 4 Mar 2027, 09:00–11:00\n'.trim(),
    );
    expect(mail('reminder', 'facilitatora@example.org').text_body).not.toContain('your time;');

    // The invitation's .ics and the downloaded .ics say the same in their descriptions.
    const invitation = mail('meetingInvitation', 'membera@example.org');
    const attached = JSON.parse(invitation.attachments_json!) as { content: string }[];
    const description = (ics: string) => {
      const event = Object.values(ical.sync.parseICS(ics)).find((e) => e?.type === 'VEVENT') as {
        description?: string;
      };
      return plain(String(event.description ?? ''));
    };
    expect(description(attached[0]!.content)).toContain(
      'Quand : jeu. 4 mars 2027, 04:00 – 06:00 (votre heure ; 09:00 – 11:00 heure : Royaume-Uni)',
    );
    const download = async (cookie: string) => {
      const r = await t!.call({ method: 'GET', url: `/api/meetings/${meetingId}/calendar.ics`, cookie });
      expect(r.statusCode).toBe(200);
      return description(r.body);
    };
    expect(await download(w.cookies.memberA2)).toContain(
      'Cuándo: jue, 4 mar 2027, 14:30–16:30 (su hora; 9:00–11:00 hora de Reino Unido)',
    );
    expect(await download(w.cookies.facilitatorA)).toContain('When: Thu, 4 Mar 2027, 09:00–11:00');
  });

  it('sends each reminder once, two days and two hours before, in each member’s zone, even with two schedulers racing', async () => {
    let clock = new Date('2027-03-20T12:00:00Z');
    t = await createTestApp(kind, {}, { now: () => clock });
    const w = await buildWorld(t);
    await t.ctx.store.plain
      .updateTable('person')
      .set({ time_zone: 'Australia/Sydney' })
      .where('id', '=', w.people.memberA2)
      .execute();
    // 1 April 2027 10:00 London (BST) = 09:00 UTC = 20:00 in Sydney (AEDT).
    const meetingId = await schedule(t, w, '2027-04-01T10:00');
    // memberA wants a single reminder one day before.
    await t.call({
      method: 'PUT',
      url: '/api/me/notifications',
      cookie: w.cookies.memberA,
      payload: { disabled: ['actions'], reminderOffsets: [24 * 60] },
    });
    const second = await createContext(testConfig(t.database), {
      migrate: false,
      startMailWorker: false,
      now: () => clock,
    });
    try {
      const a = new NotificationScheduler(t.ctx, 1000);
      const b = new NotificationScheduler(second, 1000);
      // PostgreSQL: truly concurrent rounds. SQLite (one file, one writer, synchronous driver in one
      // process): the two schedulers take turns, as two processes on one machine would be serialised.
      const race = async () => {
        const results =
          kind === 'postgres'
            ? await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])
            : [await a.tick(), await b.tick(), await a.tick(), await b.tick()];
        return results.reduce((s, r) => s + r.reminders, 0);
      };
      expect(await race()).toBe(0); // invitation notices only
      clock = new Date('2027-03-30T09:00:00Z'); // two days before
      expect(await race()).toBe(2); // facilitator and memberA2
      expect(await race()).toBe(0);
      clock = new Date('2027-03-31T09:00:00Z'); // one day before: memberA's own choice
      expect(await race()).toBe(1);
      // memberA2 sends apologies: no two-hour reminder for them.
      await t.call({
        method: 'PUT',
        url: `/api/meetings/${meetingId}/attendance/me`,
        cookie: w.cookies.memberA2,
        payload: { status: 'apologies' },
      });
      clock = new Date('2027-04-01T07:00:00Z'); // two hours before
      expect(await race()).toBe(1);
      expect(await race()).toBe(0);
      clock = new Date('2027-04-01T09:30:00Z'); // started: nothing more
      expect(await race()).toBe(0);
    } finally {
      await closeContext(second);
    }
    const mails = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address', 'subject', 'text_body'])
      .orderBy('created_at')
      .execute();
    const reminders = mails.filter((m) => m.kind === 'reminder');
    expect(count(reminders.map((m) => `${m.to_address} ${m.subject}`))).toEqual({
      'facilitatora@example.org Reminder: Set A meets in 2 days': 1,
      'membera2@example.org Reminder: Set A meets in 2 days': 1,
      'membera@example.org Reminder: Set A meets tomorrow': 1,
      'facilitatora@example.org Reminder: Set A meets in 2 hours': 1,
    });
    const sydney = reminders.find((m) => m.to_address === 'membera2@example.org')!;
    // Their own time first, the meeting's own time and zone beside it.
    expect(plain(sydney.text_body)).toContain(
      'When: Thu, 1 Apr 2027, 20:00–22:00 (your time; 10:00–12:00 United Kingdom Time)',
    );
    expect(count(mails.filter((m) => m.kind === 'meetingInvitation').map((m) => m.to_address))).toEqual({
      'facilitatora@example.org': 1,
      'membera@example.org': 1,
      'membera2@example.org': 1,
    });
  });

  it('nudges a member about their open actions three days before the next meeting', async () => {
    let clock = new Date('2027-03-20T12:00:00Z');
    t = await createTestApp(kind, {}, { now: () => clock });
    const w = await buildWorld(t);
    await schedule(t, w, '2027-04-01T10:00');
    const action = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/actions`,
      cookie: w.cookies.memberA,
      payload: { text: 'Call the partner director before Friday' },
    });
    expect(action.statusCode, action.body).toBe(201);
    const scheduler = new NotificationScheduler(t.ctx, 1000);
    await scheduler.tick();
    clock = new Date('2027-03-29T09:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    const nudges = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('kind', '=', 'actionsNudge')
      .execute();
    expect(nudges).toHaveLength(1);
    expect(nudges[0]).toMatchObject({
      to_address: 'membera@example.org',
      subject: '1 open actions before Set A meets',
    });
    expect(nudges[0]!.text_body).toContain('Call the partner director before Friday');
  });

  it('keeps notices while SMTP is down, then delivers each exactly once with its .ics; one click unsubscribes', async () => {
    smtp = await startSmtpCatcher();
    await smtp.stop();
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: true });
    const w = await buildWorld(t);
    const created = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/series`,
      cookie: w.cookies.facilitatorA,
      payload: {
        firstLocal: '2030-01-09T10:00',
        timeZone: 'America/New_York',
        pattern: { frequency: 'monthly-weekday', interval: 1 },
        untilDate: '2030-06-30',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await until(async () => {
      const rows = await t!.ctx.store.plain.selectFrom('mail_outbox').select('attempts').execute();
      return rows.length === 3 && rows.every((r) => r.attempts >= 1);
    });
    await smtp.start();
    await until(() => smtp!.messages.length >= 3);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual([
      'facilitatora@example.org',
      'membera2@example.org',
      'membera@example.org',
    ]);
    const mail = smtp.messages.find((m) => m.envelope.to[0] === 'membera@example.org')!;
    expect(mail.subject).toBe('Set A: 6 meetings scheduled');
    const ics = mail.attachments.find((a) => a.filename === 'meeting.ics')!;
    expect(ics.contentType).toBe('text/calendar');
    const text = ics.content.toString('utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(6);
    expect(Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT')).toHaveLength(6);
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toMatch(
      /<http:\/\/localhost:3000\/api\/unsubscribe\/\S+>/,
    );
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain('One-Click');

    const link = extractLink(mail, /\/unsubscribe\//);
    expect(link.startsWith('http://localhost:3000/unsubscribe/')).toBe(true);
    const token = link.split('/unsubscribe/')[1]!;
    const info = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${token}` });
    expect(info.json()).toEqual({ kind: 'invitations', unsubscribed: false });
    // RFC 8058 one-click: a form post from the mail client, no session, no Origin.
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode, done.body).toBe(200);
    const prefs = await t.call({ method: 'GET', url: '/api/me/notifications', cookie: w.cookies.memberA });
    expect(prefs.json().disabled).toEqual(['invitations']);
    const forged = await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${token.slice(0, -2)}xx` });
    expect(forged.statusCode).toBe(410);
  });
});

describe('two server processes on PostgreSQL', () => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    for (const s of servers) await s.kill();
    await t?.close();
    await smtp?.stop();
  });

  it('never send a notice or a reminder twice', { timeout: 90_000 }, async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp('postgres', { smtpUrl: smtp.url }, { startMailWorker: false });
    const w = await buildWorld(t);
    const config = testConfig(t.database);
    const env = {
      DATA_DIR: t.database.dataDir,
      DATABASE_URL: t.database.databaseUrl!,
      AUTH_SECRET: config.authSecret,
      PUBLIC_URL: config.publicUrl,
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '100',
      REMINDER_POLL_MS: '150',
    };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    // Starts in two hours and four seconds (wall clock): the two-hour reminder falls due while both run.
    const start = new Date(Date.now() + 2 * 3_600_000 + 4_000);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(start)
      .replace(' ', 'T');
    await schedule(t, w, local);
    // Wall-clock minutes: make the meeting start exactly at `start` so the reminder is due in ~4 s.
    await t.ctx.store.plain
      .updateTable('meeting')
      .set({ starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 7_200_000).toISOString() })
      .execute();
    await until(() => smtp!.messages.length >= 6, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    const seen = count(smtp.messages.map((m) => `${m.envelope.to[0]} ${(m.subject ?? '').split(':')[0]}`));
    expect(Object.values(seen).every((n) => n === 1)).toBe(true);
    expect(smtp.messages).toHaveLength(6);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(6);
  });
});
