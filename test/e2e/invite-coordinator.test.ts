// Issue 13, 16b: the host admin invites a coordinator in one step from the People page: a new
// organisation typed, a programme chosen, "may start programmes" ticked; the invitation is listed at once.
// A second try with the same email is refused with a clear sentence. axe checks each screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { PeoplePage } from './pages/people-page.ts';
import { signInWithTheForm } from './pages/sign-in-page.ts';

const password = 'a long enough password';

describe('inviting a coordinator in one step, as the host admin', () => {
  let journey: JourneyServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await journey?.close();
  });

  it('invites a coordinator in one step, then a facilitator without the application form', async () => {
    const { server } = journey;
    const origin = journey.baseUrl;
    const setup = await server.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { origin },
      payload: {
        hostName: 'Northern NGO Learning Network',
        adminName: 'Ada Admin',
        email: 'ada@example.org',
        password,
        timeZone: 'Europe/London',
      },
    });
    expect(setup.statusCode).toBe(201);
    const raw = setup.headers['set-cookie'];
    const cookie = (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; ');
    const programme = await server.app.inject({
      method: 'POST',
      url: `/api/hosts/${setup.json().hostId}/programmes`,
      headers: { origin, cookie },
      payload: { name: 'Leading Change 2027' },
    });
    expect(programme.statusCode, programme.body).toBe(201);

    admin = await newPage(browser);
    screenshotOnFailure(admin);
    const home = await signInWithTheForm(admin, journey.baseUrl, 'ada@example.org', password);
    await home.navigate('People');
    const people = await new PeoplePage(admin, journey.baseUrl).arrived();

    const invite = async (email: string) => {
      await admin.getByRole('link', { name: 'Invite a coordinator' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Invite a coordinator' }).waitFor();
      await people.checkAccessibility('invite a coordinator');
      await admin.getByLabel('Full name').fill('Cora Coordinator');
      await admin.getByLabel('Email address').fill(email);
      await admin.getByLabel(/^Or a new organisation/).fill('Northfield Trust');
      await admin.getByLabel(/^Programme to coordinate/).selectOption({ label: 'Leading Change 2027' });
      await admin.getByLabel('May start programmes').check();
      await admin.getByRole('button', { name: 'Invite coordinator' }).click();
    };
    await invite('cora@example.org');
    await people.arrived();
    await people.announced('Cora Coordinator was added and an invitation was sent to cora@example.org.');
    expect(await people.accountStatus('Cora Coordinator')).toBe('Invited');

    await invite('cora@example.org');
    await admin
      .getByText('Someone with the email address cora@example.org is already here', { exact: false })
      .first()
      .waitFor();
    await people.checkAccessibility('invite a coordinator, email taken');

    // Issue 13, item 15: a facilitator is enrolled on the Enrolment tab without the application form.
    await admin.goto(new URL(`/programmes/${programme.json().id}/enrolment`, origin).href);
    await admin.getByRole('heading', { level: 2, name: 'Invite a facilitator' }).waitFor();
    await admin.getByLabel('Facilitator’s name').fill('Fran Facilitator');
    await admin.getByLabel('Facilitator’s email address').fill('fran@example.org');
    await admin.getByLabel(/^Facilitator’s organisation/).fill('Riverside Council');
    await admin.getByRole('button', { name: 'Invite facilitator' }).click();
    await people.announced('Fran Facilitator is a facilitator of this programme now.');
    await admin
      .getByRole('table', { name: 'Applications to this programme' })
      .getByRole('rowheader', { name: /^Fran Facilitator/ })
      .waitFor();
    await people.checkAccessibility('enrolment, facilitator invited');
  });
});
