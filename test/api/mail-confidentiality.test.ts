// A mail that carries set content is read by its recipient only: the host admin's outbox withholds that
// content and every private link, while the delivered mail carries them whole.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationScheduler } from '../../src/server/features/notifications/scheduler.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { buildWorld, type World } from '../support/world.ts';
import { answers, openLink, setStatus } from './enrolment-support.ts';

/**
 * Every mail template, by whether it can carry set content. A new template fails the catalogue test
 * below until it is placed here; one that carries set content also needs a case in this file.
 */
// A proposed concern is set content until the set agrees: its case is in concerns.test.ts.
const carriesSetContent = ['actionsNudge', 'concernProposed', 'concernChanged'];
const carriesNoSetContent = [
  'invitation',
  'passwordReset',
  'seriesInvitation',
  'meetingInvitation',
  'meetingChanged',
  'meetingCancelled',
  'reminder',
  'pollInvitation',
  'pollConfirmed',
  'programmeEventAnnounced',
  'programmeEventChanged',
  'programmeEventCancelled',
  'applyInvitation',
  'applicationReceived',
  'applicationAccepted',
  'applicationAcceptedInvite',
  'applicationWaitlisted',
  'applicationDeclined',
  'setPublished',
  'setPublishedInvite',
  'groundRulesChanged',
  'reviewReminder',
  'workshopInvitation',
  'workshopReminder',
];
const markers = /[\uE000-\uE003]/;

describe('mail templates', () => {
  it('are each known to carry set content or not', () => {
    const catalogue = JSON.parse(readFileSync('src/i18n/mail.en.json', 'utf8')) as Record<string, unknown>;
    const templates = Object.entries(catalogue)
      .filter(([, v]) => typeof v === 'object' && v !== null && 'greeting' in v)
      .map(([k]) => k)
      .sort();
    expect(templates).toEqual([...carriesSetContent, ...carriesNoSetContent].sort());
  });
});

describe.each(storeKinds)('the outbox withholds set content, on %s', (kind) => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
    smtp = undefined;
  });

  async function nudgeWithAction(world: World, text: string) {
    const meeting = await t!.call({
      method: 'POST',
      url: `/api/sets/${world.setA}/meetings`,
      cookie: world.cookies.facilitatorA,
      payload: { localStart: '2027-04-01T10:00', timeZone: 'Europe/London', durationMinutes: 120 },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const action = await t!.call({
      method: 'POST',
      url: `/api/sets/${world.setA}/actions`,
      cookie: world.cookies.memberA,
      payload: { text },
    });
    expect(action.statusCode, action.body).toBe(201);
  }

  it("shows the admin that a member's open-actions reminder went out, never the actions; the member gets them", async () => {
    smtp = await startSmtpCatcher();
    let clock = new Date('2027-03-20T12:00:00Z');
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { now: () => clock });
    const w = await buildWorld(t);
    const secret = 'Confront my director about the merger rumours';
    await nudgeWithAction(w, secret);
    const scheduler = new NotificationScheduler(t.ctx, 1000);
    clock = new Date('2027-03-29T09:00:00Z');
    await scheduler.tick();

    const list = await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/mail`, cookie: w.cookies.admin });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('merger');
    const nudge = list.json().mails.find((m: { kind: string }) => m.kind === 'actionsNudge');
    expect(nudge).toMatchObject({ to: 'membera@example.org', subject: '1 open actions before Set A meets' });

    const one = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/mail/${nudge.id}`,
      cookie: w.cookies.admin,
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('merger');
    expect(one.body).not.toContain('/unsubscribe/');
    expect(one.body).not.toMatch(markers);
    const viewed = one.json();
    expect(viewed.text).toContain('[set content withheld: only the recipient reads it]');
    expect(viewed.text).toContain('[private link withheld]');
    expect(viewed.text).toContain('Your set Set A meets on');
    expect(viewed.withheld).toEqual({ setContent: 1, privateLinks: 2 });

    // The member's own copy, as delivered, has the action and working links, and no markers.
    await t.ctx.mail.deliverDue();
    const delivered = await smtp.waitFor((m) => m.subject === '1 open actions before Set A meets');
    expect(delivered.text).toContain(`- ${secret}`);
    expect(delivered.html).toContain(secret);
    expect(delivered.text).toMatch(/http:\/\/localhost:3000\/unsubscribe\/\S+/);
    expect(`${delivered.subject} ${delivered.text} ${delivered.html}`).not.toMatch(markers);
  });

  it('keeps text a member typed from opening or closing a withheld part', async () => {
    let clock = new Date('2027-03-20T12:00:00Z');
    t = await createTestApp(kind, {}, { now: () => clock });
    const w = await buildWorld(t);
    // A private-use character typed into an action must not end the withheld part early.
    await nudgeWithAction(w, 'First half \uE001 second half about the merger');
    clock = new Date('2027-03-29T09:00:00Z');
    await new NotificationScheduler(t.ctx, 1000).tick();
    const list = await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/mail`, cookie: w.cookies.admin });
    const nudge = list.json().mails.find((m: { kind: string }) => m.kind === 'actionsNudge');
    const one = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/mail/${nudge.id}`,
      cookie: w.cookies.admin,
    });
    expect(one.body).not.toContain('half');
    expect(one.body).not.toContain('merger');
  });

  it("withholds an applicant's private status link from the admin", async () => {
    t = await createTestApp(kind);
    const w = await buildWorld(t);
    await setStatus(t, w.programmeId, w.cookies.coordinator, 'recruiting');
    const link = await openLink(t, w.programmeId, w.cookies.coordinator);
    const applied = await t.call({
      method: 'POST',
      url: `/api/apply/${link}`,
      payload: answers({ name: 'Nadia Applicant', email: 'nadia@example.org' }),
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const rows = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['id', 'text_body'])
      .where('kind', '=', 'applicationReceived')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text_body).toContain('/your-application/');
    const one = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/mail/${rows[0]!.id}`,
      cookie: w.cookies.admin,
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('/your-application/');
    expect(one.json().text).toContain('[private link withheld]');
  });
});
