// One rule for time (issue 13): a member whose profile says New York, on a laptop set to Tokyo and to US
// English, sees a London meeting at the same time on the set's meeting card and on Upcoming: their profile's
// zone, 24-hour as their language (en) reads, with London's own time named beside it. axe checks each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  saveScreenshot,
  screenshotOnFailure,
} from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import {
  addPersonWithAccount,
  createProgramme,
  createSet,
  enrol,
  password,
  setUpHost,
} from './pages/api-setup.ts';
import { signInWithTheForm } from './pages/sign-in-page.ts';

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
    const host = await setUpHost(journey.server, journey.baseUrl);
    const { call, admin } = host;
    const personId = await addPersonWithAccount(host, {
      name: 'Ben Hughes',
      email: 'ben@example.org',
      jobRole: 'Learning lead',
      timeZone: 'America/New_York',
    });
    const programmeId = await createProgramme(host, {
      name: 'Leading Learning 2027',
      setSize: { min: 2, max: 8 },
    });
    const setId = await createSet(host, programmeId, 'Set Kestrel');
    await enrol(host, setId, { members: [personId] });
    await call(
      'POST',
      `/api/sets/${setId}/meetings`,
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
    await signInWithTheForm(ben, journey.baseUrl, 'ben@example.org', password);

    await ben.goto(`${journey.baseUrl}/upcoming`);
    const upcoming = ben.locator('[data-meeting] .meeting-time').first();
    await upcoming.waitFor();
    expect(await upcoming.textContent()).toBe(expected);
    await expectNoAxeViolations(ben, 'upcoming, in the profile zone');

    await ben.goto(`${journey.baseUrl}/sets/${setId}/meetings`);
    const card = ben.locator('.meeting-card .meeting-time').first();
    await card.waitFor();
    expect(await card.textContent()).toBe(expected);
    expect(await ben.locator('.meeting-card h3').first().textContent()).toBe('Thu, 4 Mar 2027');
    await expectNoAxeViolations(ben, 'meeting card, in the profile zone');
    await saveScreenshot(ben, 'time-meeting-card');
  });
});
