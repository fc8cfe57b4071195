// One rule for time (issue 13): a member whose profile says New York, on a laptop set to Tokyo and to US
// English, sees a London meeting at the same time on the set's meeting card and on Upcoming: their profile's
// zone, 24-hour as their language (en) reads, with London's own time named beside it. axe checks each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialAccount } from '../../src/server/auth/accounts.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  saveScreenshot,
  screenshotOnFailure,
} from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const password = 'a long enough password';
// Thu 4 March 2027, 09:00–11:00 in London (GMT) is 04:00–06:00 in New York (EST) and 18:00 in Tokyo.
const expected = 'Thu, 4 Mar 2027, 04:00–06:00 (your time; 09:00–11:00 United Kingdom Time)';

describe('times, as a member in another zone reads them', () => {
  let journey: JourneyServer;
  let browser: Browser;
  let ben: Page;

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await journey?.close();
  });

  it("shows the meeting card and Upcoming in the profile's zone, not the browser's", async () => {
    const { server } = journey;
    const origin = journey.baseUrl;
    const call = async (url: string, payload: object, cookie?: string) => {
      const r = await server.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { origin, ...(cookie ? { cookie } : {}) },
      });
      if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return { body: JSON.parse(r.body), headers: r.headers };
    };
    const setup = await call('/api/setup', {
      hostName: 'Northern NGO Learning Network',
      adminName: 'Ada Admin',
      email: 'ada@example.org',
      password,
      timeZone: 'Europe/London',
    });
    const raw = setup.headers['set-cookie'];
    const admin = (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; ');
    const hostId = setup.body.hostId as string;
    const person = await call(
      `/api/hosts/${hostId}/people`,
      {
        name: 'Ben Hughes',
        email: 'ben@example.org',
        jobRole: 'Learning lead',
        timeZone: 'America/New_York',
      },
      admin,
    );
    const userId = await createCredentialAccount(server.ctx, {
      email: 'ben@example.org',
      name: 'Ben Hughes',
      password,
    });
    await server.ctx.store.plain
      .updateTable('person')
      .set({ user_id: userId })
      .where('id', '=', person.body.id)
      .execute();
    const programme = await call(
      `/api/hosts/${hostId}/programmes`,
      { name: 'Leading Learning 2027', setSize: { min: 2, max: 8 } },
      admin,
    );
    const set = await call(`/api/programmes/${programme.body.id}/sets`, { name: 'Set Kestrel' }, admin);
    await call(`/api/sets/${set.body.id}/members`, { personId: person.body.id }, admin);
    await call(
      `/api/sets/${set.body.id}/meetings`,
      {
        localStart: '2027-03-04T09:00',
        timeZone: 'Europe/London',
        durationMinutes: 120,
        place: 'Oxfam House',
      },
      admin,
    );

    // The browser says Tokyo and US English: neither may leak into what Ben reads.
    ben = await newPage(browser, { timezoneId: 'Asia/Tokyo', locale: 'en-US' });
    screenshotOnFailure(ben);
    await new SignInPage(ben, journey.baseUrl)
      .goto('/sign-in')
      .then((p) => p.signIn('ben@example.org', password));
    await new DashboardPage(ben, journey.baseUrl).arrived();

    await ben.goto(`${journey.baseUrl}/upcoming`);
    const upcoming = ben.locator('[data-meeting] .meeting-time').first();
    await upcoming.waitFor();
    expect(await upcoming.textContent()).toBe(expected);
    await expectNoAxeViolations(ben, 'upcoming, in the profile zone');

    await ben.goto(`${journey.baseUrl}/sets/${set.body.id}/meetings`);
    const card = ben.locator('.meeting-card .meeting-time').first();
    await card.waitFor();
    expect(await card.textContent()).toBe(expected);
    expect(await ben.locator('.meeting-card h3').first().textContent()).toBe('Thu, 4 Mar 2027');
    await expectNoAxeViolations(ben, 'meeting card, in the profile zone');
    await saveScreenshot(ben, 'time-meeting-card');
  });
});
