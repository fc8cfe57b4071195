import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsent } from '../../src/domain/enrolment.ts';
import { createCredentialAccount } from '../../src/server/auth/accounts.ts';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser, newContext, saveScreenshot, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { type CaughtMail, extractLink, type SmtpCatcher } from '../support/smtp.ts';
import { type Applicant, ApplyPage } from './pages/apply-page.ts';
import { EnrolmentPage } from './pages/enrolment-page.ts';
import { FormationPage } from './pages/formation-page.ts';
import { InvitationPage } from './pages/invitation-page.ts';
import { ProgrammePage } from './pages/programme-page.ts';
import { GroundRulesPanel, SetPage } from './pages/set-page.ts';
import { YourApplicationPage } from './pages/your-application-page.ts';

const password = 'a long enough password';
const programmeName = 'Leading Learning 2027';
const coordinator = { name: 'Ines Duarte', email: 'ines@example.org' };

const applicant = (name: string, organisation: string, extra: Partial<Applicant> = {}): Applicant => ({
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
  organisation,
  role: 'Learning lead',
  themes: 'volunteers, funding',
  languages: 'en',
  timeZone: 'Europe/London',
  availability: ['Tuesday morning', 'Thursday afternoon'],
  hopes: 'To think aloud with peers from other organisations.',
  ...extra,
});
// Two apply through the open link; one is invited by email.
const amara = applicant('Amara Okafor', 'WaterAid');
const ben = applicant('Ben Hughes', 'Oxfam', { mustAvoid: 'Chloe Martin' });
const chloe = applicant('Chloe Martin', 'ActionAid', { timeZone: 'Europe/Paris' });
// Three applied earlier through the same link (set up through the API, not the journey).
const earlier = [
  applicant('Dev Patel', 'Save the Children'),
  applicant('Esi Mensah', 'Plan International'),
  applicant('Femi Adeyemi', 'Christian Aid'),
];
// Applies, then changes her mind before any decision, through the link in her acknowledgement mail.
const gwen = applicant('Gwen Ortiz', 'CAFOD');

describe('forming sets from applications (SQLite, real SMTP, Chromium)', () => {
  let catcher: SmtpCatcher;
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let programmeId: string;
  const contexts: BrowserContext[] = [];

  const mailTo = (email: string, subject: RegExp): Promise<CaughtMail> =>
    catcher.waitFor((m) => m.envelope.to.includes(email) && subject.test(m.subject ?? ''), 20_000);

  const inject = async (method: 'POST' | 'PATCH', url: string, payload: object, cookie?: string) => {
    const response = await server.app.inject({
      method,
      url,
      payload,
      headers: { origin: baseUrl, ...(cookie ? { cookie } : {}) },
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return { body: JSON.parse(response.body), headers: response.headers };
  };

  /** A fresh browser; signed in as `who` through the sign-in endpoint when given. */
  const browserFor = async (who?: { email: string }): Promise<Page> => {
    const context = await newContext(browser, { baseURL: baseUrl });
    contexts.push(context);
    const page = await context.newPage();
    screenshotOnFailure(page);
    if (who) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: who.email, password },
        headers: { origin: baseUrl },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      const raw = response.headers['set-cookie'];
      const cookies = (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]!.split('='));
      await context.addCookies(
        cookies.map(([name, ...value]) => ({ name: name!, value: value.join('='), url: baseUrl })),
      );
    }
    return page;
  };

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: true });
    ({ server, baseUrl } = journey);
    catcher = journey.catcher!;
    // Setup data: the host, a coordinator with an account, and a draft programme.
    const setup = await inject('POST', '/api/setup', {
      hostName: 'Northern NGO Learning Network',
      adminName: 'Ada Admin',
      email: 'ada@example.org',
      password,
      timeZone: 'Europe/London',
    });
    const raw = setup.headers['set-cookie'];
    const admin = (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; ');
    const hostId = setup.body.hostId as string;
    const person = await inject('POST', `/api/hosts/${hostId}/people`, coordinator, admin);
    const userId = await createCredentialAccount(server.ctx, { ...coordinator, password });
    await server.ctx.store.plain
      .updateTable('person')
      .set({ user_id: userId })
      .where('id', '=', person.body.id)
      .execute();
    const programme = await inject(
      'POST',
      `/api/hosts/${hostId}/programmes`,
      {
        name: programmeName,
        purpose: 'Peer learning for people who lead learning in NGOs.',
        setSize: { min: 2, max: 4 },
        meetingCadence: 'Every 6 weeks, 3 hours, online',
        participation: 'Six meetings over nine months, and a journal between them.',
      },
      admin,
    );
    programmeId = programme.body.id;
    await inject('POST', `/api/programmes/${programmeId}/coordinators`, { personId: person.body.id }, admin);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('recruits, forms sets, adjusts them by keyboard and by mouse, publishes; members accept their ground rules', async () => {
    // 1. The coordinator opens recruiting and creates the open application link.
    const coordinatorPage = await browserFor(coordinator);
    const enrolment = new EnrolmentPage(coordinatorPage, baseUrl, programmeName);
    await enrolment.goto(`/programmes/${programmeId}/enrolment`);
    expect(await enrolment.currentStage()).toBe('Draft');
    await enrolment.moveTo('Open recruiting');
    expect(await enrolment.currentStage()).toBe('Recruiting');
    const link = await enrolment.createLink();
    expect(link).toMatch(new RegExp(`^${baseUrl}/apply/[\\w-]+$`));
    await enrolment.auditState('enrolment with a link');
    const token = link.split('/apply/')[1]!;
    for (const a of earlier)
      await inject('POST', `/api/apply/${token}`, {
        name: a.name,
        email: a.email,
        organisation: a.organisation,
        role: a.role,
        languages: ['en'],
        timeZone: a.timeZone,
        consent: { version: currentConsent.version, groundRules: true, confidentiality: true, dataUse: true },
      });

    // 2. Two people apply through the open link, without an account; the form shows the consent word for word.
    for (const a of [amara, ben]) {
      const page = await browserFor();
      await page.goto(link);
      const form = await new ApplyPage(page, baseUrl).arrived();
      expect(await page.getByText('Every 6 weeks, 3 hours, online').count()).toBe(1);
      expect(await form.consentWording()).toEqual([
        currentConsent.groundRules,
        currentConsent.confidentiality,
        currentConsent.dataUse,
      ]);
      await form.fill(a);
      // Consent is not assumed: without it the form says what is missing.
      await form.submit();
      await form.errorSummary().waitFor();
      expect(await form.fieldError('I agree to the ground rules')).toBe(
        'Error: Please agree to the ground rules to apply',
      );
      await form.auditState('apply form with errors');
      await form.consentToAll();
      await form.submit();
      await form.thanked();
      if (a === amara) await saveScreenshot(page, 'formation-apply-done');
      await mailTo(a.email, /^Your application to /);
    }

    // 3. Chloe is invited by email; her link opens the form with her name and address already known.
    await enrolment.inviteToApply(chloe.name, chloe.email);
    const invitation = await mailTo(chloe.email, /invites you to apply to Leading Learning 2027$/);
    const chloePage = await browserFor();
    await chloePage.goto(extractLink(invitation, /\/apply\//));
    const chloeForm = await new ApplyPage(chloePage, baseUrl).arrived();
    await chloePage.getByText(`You are applying as ${chloe.name} (${chloe.email}).`).waitFor();
    expect(await chloePage.getByLabel('Your name').count()).toBe(0);
    await chloeForm.fill(chloe);
    await chloeForm.consentToAll();
    await saveScreenshot(chloePage, 'formation-apply-form');
    await chloeForm.submit();
    await chloeForm.thanked();

    // 3b. Gwen applies without an account, then withdraws through the private link in her mail.
    await inject('POST', `/api/apply/${token}`, {
      name: gwen.name,
      email: gwen.email,
      organisation: gwen.organisation,
      role: gwen.role,
      languages: ['en'],
      timeZone: gwen.timeZone,
      consent: { version: currentConsent.version, groundRules: true, confidentiality: true, dataUse: true },
    });
    const acknowledgement = await mailTo(gwen.email, /^Your application to /);
    const gwenPage = await browserFor();
    const mine = new YourApplicationPage(gwenPage, baseUrl);
    await mine.goto(extractLink(acknowledgement, /\/your-application\//));
    expect(await mine.status()).toBe('Received');
    await mine.withdrawByKeyboard();
    expect(await mine.status()).toBe('Withdrawn');
    expect(await gwenPage.evaluate(() => document.activeElement?.textContent)).toBe('Withdrawn');
    expect(await gwenPage.getByRole('button', { name: 'Withdraw my application' }).count()).toBe(0);
    await mine.auditState('application withdrawn');

    // 4. The coordinator sees each application with the consent it gave, and accepts everyone who stayed.
    await coordinatorPage.reload();
    await enrolment.arrived();
    const consent = await enrolment.consentOf(chloe.name);
    expect(consent.summary).toMatch(new RegExp(`^Consent ${currentConsent.version} given `));
    expect(consent.wording).toContain(currentConsent.confidentiality);
    expect(consent.wording).toContain(currentConsent.dataUse);
    expect(await enrolment.answersOf(ben.name)).toEqual({
      'Themes you care about': 'volunteers, funding',
      'Languages you can work in': 'English',
      'Your time zone': 'Europe/London',
      'When you can usually meet': 'Tuesday morning, Thursday afternoon',
      'What you hope to bring and to take away': ben.hopes,
      'Anyone you must not share a set with': 'Chloe Martin',
    });
    expect(await enrolment.statusOf(ben.name)).toBe('Applied');
    expect(await enrolment.statusOf(gwen.name)).toBe('Withdrawn');
    for (const a of [amara, ben, chloe, ...earlier]) await enrolment.accept(a.name);
    await mailTo(amara.email, /^You are accepted onto /);
    await enrolment.auditState('applications accepted');
    await saveScreenshot(coordinatorPage, 'formation-enrolment');
    await enrolment.moveTo('Close applications and form sets');

    // 5. The engine proposes two sets within the bounds (2 to 4); Ben and Chloe, who must be apart, are apart.
    const formation = new FormationPage(coordinatorPage, baseUrl, programmeName);
    await formation.tab('Formation');
    await formation.propose();
    const set1 = await formation.membersOf('Set 1');
    const set2 = await formation.membersOf('Set 2');
    for (const set of [set1, set2]) {
      expect(set.length).toBeGreaterThanOrEqual(2);
      expect(set.length).toBeLessThanOrEqual(4);
      expect(set.includes(ben.name) && set.includes(chloe.name)).toBe(false);
    }
    expect([...set1, ...set2].sort()).toEqual([amara, ben, chloe, ...earlier].map((a) => a.name).sort());
    expect(
      await coordinatorPage.getByText('No rule is broken and nothing needs your attention.').count(),
    ).toBe(1);
    await saveScreenshot(coordinatorPage, 'formation-board');

    // 6. By keyboard alone, the coordinator moves someone from the larger set to the other: the menu
    // previews the new total, and both sets' scores and the total change at once.
    const [from, to, fromMembers] =
      set1.length >= set2.length ? ['Set 1', 'Set 2', set1] : ['Set 2', 'Set 1', set2];
    const before = { total: await formation.totalScore(), to: await formation.setScore(to) };
    const moving = fromMembers.find((n) => n !== ben.name && n !== chloe.name)!;
    const chosen = await formation.moveByKeyboard(moving, `To ${to}`);
    expect(await formation.membersOf(to)).toContain(moving);
    expect(await formation.membersOf(from)).not.toContain(moving);
    expect(await formation.totalScore()).not.toBe(before.total);
    expect(await formation.setScore(to)).not.toBe(before.to);
    // The menu said beforehand what the move would do to the total.
    expect(chosen).toContain(`total ${await formation.totalScore()}`);
    // Focus follows the person, so the keyboard user carries on from where they are.
    expect(await coordinatorPage.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Move ${moving}…`,
    );
    await formation.auditState('after a keyboard move');

    // 7. With the mouse, they drag the same person back: the proposal scores as it did.
    await formation.drag(moving, from);
    expect(await formation.membersOf(from)).toEqual(fromMembers);
    expect(await formation.totalScore()).toBe(before.total);

    // 8. Set 1 is locked and the rest proposed again: Set 1 stays exactly as it was.
    await formation.lock('Set 1');
    expect(
      await formation
        .set('Set 1')
        .getByRole('button', { name: /^Move / })
        .count(),
    ).toBe(0);
    await formation.proposeAgain();
    expect(await formation.membersOf('Set 1')).toEqual(set1);
    await saveScreenshot(coordinatorPage, 'formation-board-locked');

    // 9. Publishing creates the sets, starts the programme and emails every member.
    await formation.publish();
    const programmePage = await new ProgrammePage(coordinatorPage, baseUrl, programmeName).arrived();
    await programmePage.announced('2 sets published. Their members have been emailed.');
    expect((await programmePage.setNames()).sort()).toEqual(['Set 1', 'Set 2']);
    // The Formation tab stays once the programme runs, showing the sets as published (read-only).
    await formation.tab('Formation');
    const asPublished = coordinatorPage.getByRole('region', { name: 'The sets as published' });
    await asPublished.getByRole('link', { name: 'Set 1' }).waitFor();
    expect(await asPublished.getByRole('button').count()).toBe(0);
    await formation.tab('Sets');
    const published = await mailTo(amara.email, /^Your action learning set: Set \d$/);
    const amaraSet = published.subject!.replace('Your action learning set: ', '');

    // 10. Amara follows her mail: chooses a password, then sees her set and its ground rules to accept.
    const amaraPage = await browserFor();
    await amaraPage.goto(extractLink(published, /\/invitation\//));
    const invite = await new InvitationPage(amaraPage, baseUrl).arrived();
    await invite.accept(password);
    await amaraPage.waitForURL(`${baseUrl}/`);
    await amaraPage.getByRole('link', { name: amaraSet, exact: true }).first().click();
    const setPage = await new SetPage(amaraPage, baseUrl, amaraSet).arrived();
    const rules = new GroundRulesPanel(setPage.page);
    expect(await rules.rules()).toContain('Confidentiality: what is said in the set stays in the set.');
    await rules
      .region()
      .getByText('Please read your set’s ground rules (version 1) and accept them.')
      .waitFor();
    await rules.accept();
    expect(await rules.acceptButton().count()).toBe(0);
    await setPage.auditState('ground rules accepted');
    await saveScreenshot(amaraPage, 'formation-member-ground-rules');

    // 11. The set changes its rules: a new version, which asks Amara (and everyone) to accept again.
    await rules.addRule('Phones away while someone presents.');
    expect(await rules.rules()).toContain('Phones away while someone presents.');
    await rules
      .region()
      .getByText('Your set changed its ground rules. Please read version 2 and accept it.')
      .waitFor();
    await setPage.auditState('ground rules changed');
    await rules.accept();
    await rules
      .region()
      .getByText(/^You accepted version 2 on /)
      .waitFor();
  });
});
