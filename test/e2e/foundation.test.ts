import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, saveScreenshot, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { type CaughtMail, extractLink, type SmtpCatcher } from '../support/smtp.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { InvitationPage } from './pages/invitation-page.ts';
import { MailPage } from './pages/mail-page.ts';
import { NotFoundPage } from './pages/not-found-page.ts';
import { OrganisationsPage } from './pages/organisations-page.ts';
import { type NewPerson, PeoplePage } from './pages/people-page.ts';
import { NewProgrammePage } from './pages/programme-form-page.ts';
import { ProgrammePage } from './pages/programme-page.ts';
import { NewSetPage, SetPage } from './pages/set-page.ts';
import { SetupPage } from './pages/setup-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const programmeName = 'Leading Learning 2027';
const organisations = ['Harbour Aid', 'Riverside Health Trust', 'Open Fields Foundation'];
const person = (name: string, organisation: string, jobRole: string): NewPerson => ({
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
  organisation,
  jobRole,
});
const kestrel = [
  person('Amara Okafor', 'Harbour Aid', 'Learning adviser'),
  person('Ben Hughes', 'Riverside Health Trust', 'Knowledge manager'),
  person('Chloe Martin', 'Open Fields Foundation', 'Staff development lead'),
  person('Dev Patel', 'Harbour Aid', 'MEL officer'),
];
const heron = [
  person('Esther Mensah', 'Riverside Health Trust', 'Learning adviser'),
  person('Finn Byrne', 'Open Fields Foundation', 'Knowledge manager'),
  person('Grace Lee', 'Harbour Aid', 'HR development manager'),
  person('Hassan Ali', 'Riverside Health Trust', 'Programme officer'),
];
const coordinator = person('Ines Duarte', 'Open Fields Foundation', 'Programme coordinator');
const names = (list: NewPerson[]) => list.map((p) => p.name).sort();

describe('foundation journey (SQLite, real SMTP, Chromium)', () => {
  let catcher: SmtpCatcher;
  let journey: JourneyServer | undefined;
  let browser: Browser;
  let baseUrl: string;
  const pages: Page[] = [];

  const freshPage = async () => {
    const page = await newPage(browser);
    screenshotOnFailure(page);
    pages.push(page);
    return page;
  };
  const invitationTo = (email: string): Promise<CaughtMail> =>
    catcher.waitFor((mail) => mail.envelope.to.includes(email), 20_000);

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: true });
    ({ baseUrl } = journey);
    catcher = journey.catcher!;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const page of pages)
      await page
        .context()
        .close()
        .catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('sets up, forms sets, invites by mail; members see their own set only; the coordinator sees both', async () => {
    // 1. First run: an empty data directory shows the setup page, which creates the host and its admin.
    const admin = await freshPage();
    const setup = await new SetupPage(admin, baseUrl).goto('/');
    await setup.complete({
      hostName: 'Northern NGO Learning Network',
      adminName: 'Ada Admin',
      email: 'ada@example.org',
      password: 'a long admin password',
    });
    const home = await new DashboardPage(admin, baseUrl).arrived();
    expect(await home.headingText()).toBe('Welcome, Ada Admin');
    await home.announced('Revans is ready for Northern NGO Learning Network.');

    // 2. Organisations; a duplicate name is refused by the server and explained next to the field.
    await home.navigate('Organisations');
    const orgs = await new OrganisationsPage(admin, baseUrl).arrived();
    for (const name of organisations) await orgs.add(name);
    await orgs.add('Harbour Aid', { expectError: true });
    expect(await orgs.fieldError('Organisation name')).toContain(
      'There is already an organisation called “Harbour Aid”',
    );
    expect(await orgs.errorSummary().textContent()).toContain('Harbour Aid');
    await orgs.auditState('organisations page with an error');
    expect(await orgs.names()).toEqual([...organisations].sort());

    // 3. Nine people.
    await orgs.navigate('People');
    const people = await new PeoplePage(admin, baseUrl).arrived();
    for (const p of [...kestrel, ...heron, coordinator]) await people.add(p);
    expect(await people.accountStatus('Amara Okafor')).toContain('Not invited');

    // 4. A programme with its period, status and set size bounds.
    await people.navigate('Home');
    await home.arrived();
    await home.newProgramme();
    await new NewProgrammePage(admin, baseUrl).arrived().then((form) =>
      form.create({
        name: programmeName,
        theme: 'Learning across organisations',
        startsOn: '2027-02-01',
        endsOn: '2027-10-31',
        status: 'Recruiting',
        minSize: 4,
        maxSize: 6,
      }),
    );
    const programme = await new ProgrammePage(admin, baseUrl, programmeName).arrived();
    await programme.announced(`Programme “${programmeName}” created.`);

    // 5. Two sets of four, each from three organisations. An empty set carries a size warning, not an error.
    const setIds: Record<string, string> = {};
    for (const [setName, members] of [
      ['Set Kestrel', kestrel],
      ['Set Heron', heron],
    ] as const) {
      await programme.newSet();
      await new NewSetPage(admin, baseUrl).arrived().then((form) => form.create(setName));
      const set = await new SetPage(admin, baseUrl, setName).arrived();
      expect(await set.sizeWarning()).toContain(
        'this set has 0 members; sets in this programme should have 4 to 6',
      );
      for (const member of members) await set.addMember(member.name);
      expect(await set.sizeWarning()).toBe('');
      expect((await set.rosterNames()).sort()).toEqual(names(members));
      for (const member of members) await set.invite(member.name);
      await set.auditState(`${setName} with its roster and invitations`);
      setIds[setName] = set.setId();
      await admin.getByRole('link', { name: programmeName, exact: true }).first().click();
      await programme.arrived();
    }
    expect((await programme.setNames()).sort()).toEqual(['Set Heron', 'Set Kestrel']);

    // 6. A coordinator for the programme, invited from its settings.
    await programme.tab('Settings');
    await programme.addCoordinator(coordinator.name);
    await programme.inviteCoordinator(coordinator.name);
    await programme.auditState('programme settings after adding a coordinator');
    const archiveDialog = await programme.openArchiveDialog();
    expect(await programme.focusedText()).toBe('Cancel');
    await programme.auditState('archive confirmation dialog');
    await admin.keyboard.press('Escape');
    await archiveDialog.waitFor({ state: 'detached' });
    expect(await programme.focusedText()).toBe('Archive programme');
    await programme.tab('People');
    await programme.tab('Organisations');

    // 7. Invitations are delivered to the real SMTP server; the outbox says mail goes to SMTP.
    const mails = await Promise.all([...kestrel, ...heron, coordinator].map((p) => invitationTo(p.email)));
    expect(
      mails.every((m) => m.subject === 'Ada Admin invites you to Northern NGO Learning Network on Revans'),
    ).toBe(true);
    await programme.navigate('Mail outbox');
    const outbox = await new MailPage(admin, baseUrl).arrived();
    expect(await outbox.delivery()).toBe('Mail is sent through your SMTP server.');
    expect((await outbox.recipients()).length).toBe(9);
    await outbox.signOut();
    await new SignInPage(admin, baseUrl).arrived();

    // 8. A member opens the link from their mail, chooses a password, is signed in and sees their set.
    const amara = await freshPage();
    const invitation = await new InvitationPage(amara, baseUrl).goto(
      extractLink(mails[0]!, /\/invitation\//),
    );
    expect(await invitation.headingText()).toBe('Join Northern NGO Learning Network on Revans');
    await invitation.accept('amara chooses a password');
    const amaraHome = await new DashboardPage(amara, baseUrl).arrived();
    expect(await amaraHome.headingText()).toBe('Welcome, Amara Okafor');
    expect(await amaraHome.cardTitles('Your sets')).toEqual(['Set Kestrel']);
    await amaraHome.open('Set Kestrel');
    const ownSet = await new SetPage(amara, baseUrl, 'Set Kestrel').arrived();
    expect((await ownSet.rosterNames()).sort()).toEqual(names(kestrel));
    expect(await ownSet.canManage()).toBe(false);

    // 9. The other set's address, typed in: not found, exactly like an address that never existed.
    const elsewhere = await new NotFoundPage(amara, baseUrl).goto(`/sets/${setIds['Set Heron']}`);
    expect(await elsewhere.headingText()).toBe('Page not found');
    expect(await amara.getByText('Hassan Ali').count()).toBe(0);

    // 10. The coordinator accepts too and sees both sets' rosters.
    const ines = await freshPage();
    const coordinatorMail = mails[mails.length - 1]!;
    await new InvitationPage(ines, baseUrl)
      .goto(extractLink(coordinatorMail, /\/invitation\//))
      .then((page) => page.accept('ines chooses a password'));
    const inesHome = await new DashboardPage(ines, baseUrl).arrived();
    expect(await inesHome.cardTitles('Programmes')).toEqual([programmeName]);
    expect(await inesHome.cardText('Programmes', programmeName)).toContain('You coordinate');
    expect(await ines.getByRole('link', { name: 'Mail outbox' }).count()).toBe(0);
    await inesHome.open(programmeName);
    const coordinated = await new ProgrammePage(ines, baseUrl, programmeName).arrived();
    expect((await coordinated.rosterOnCard('Set Kestrel')).sort()).toEqual(names(kestrel));
    expect((await coordinated.rosterOnCard('Set Heron')).sort()).toEqual(names(heron));
    await saveScreenshot(ines, 'foundation-coordinator-programme');
    for (const [setName, members] of [
      ['Set Kestrel', kestrel],
      ['Set Heron', heron],
    ] as const) {
      const set = await new SetPage(ines, baseUrl, setName).goto(`/sets/${setIds[setName]}`);
      expect((await set.rosterNames()).sort()).toEqual(names(members));
      expect(await set.canManage()).toBe(true);
    }
  }, 300_000);
});
