// Issue 13's layout defects, in Chromium: the host admin's header is one line at 1280 px, and the lists
// of people, applications and mail become readable stacked cards on a 390 px phone (no sideways scroll,
// no name broken letter by letter).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const password = 'a long enough password';

describe('layout defects of issue 13', () => {
  let journey: JourneyServer;
  let browser: Browser;
  let programmeId: string;

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: false });
    browser = await launchBrowser();
    const { server } = journey;
    const origin = journey.baseUrl;
    const post = async (url: string, payload: object, cookie?: string) => {
      const response = await server.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { origin, ...(cookie ? { cookie } : {}) },
      });
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
      return response;
    };
    const setup = await post('/api/setup', {
      hostName: 'Northern NGO Learning Network',
      adminName: 'Ada Admin',
      email: 'ada@example.org',
      password,
      timeZone: 'Europe/London',
    });
    const { hostId } = setup.json();
    const signIn = await post('/api/auth/sign-in/email', { email: 'ada@example.org', password });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const organisation = (
      await post(
        `/api/hosts/${hostId}/organisations`,
        { name: 'Humanitarian Coordination Partnership' },
        cookie,
      )
    ).json().id;
    for (const name of ['Oluwaseun Adebayo-Whitfield', 'Marie-Claire Vandenberghe', 'Bo Lindqvist'])
      await post(
        `/api/hosts/${hostId}/people`,
        {
          name,
          email: `${name.toLowerCase().replace(/\W+/g, '.')}@humanitarian-partnership.example.org`,
          organisationId: organisation,
          jobRole: 'Programme learning and accountability lead',
        },
        cookie,
      );
    programmeId = (
      await post(`/api/hosts/${hostId}/programmes`, { name: 'Leading Learning 2027' }, cookie)
    ).json().id;
    await server.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programmeId}`,
      payload: { status: 'recruiting' },
      headers: { origin, cookie },
    });
    await post(
      `/api/programmes/${programmeId}/application-invitations`,
      {
        name: 'Amara Okafor-Lindenberg',
        email: 'amara.okafor-lindenberg@wateraid-international.example.org',
      },
      cookie,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await journey?.close();
  });

  async function signedIn(width: number): Promise<Page> {
    const page = await newPage(browser, { viewport: { width, height: 900 } });
    screenshotOnFailure(page);
    await new SignInPage(page, journey.baseUrl)
      .goto('/sign-in')
      .then((p) => p.signIn('ada@example.org', password));
    await page.waitForURL((url) => url.pathname === '/');
    return page;
  }

  it('keeps the host admin’s header on one line at 1280 px', async () => {
    const page = await signedIn(1280);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const tops = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.site-header .brand, .site-header .site-nav li, .site-header .account > *',
        ),
      ].map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)),
    );
    const widths = await page.evaluate(() =>
      [
        ...document.querySelectorAll('.site-header .brand, .site-header .site-nav, .site-header .account'),
      ].map((e) => `${e.className}:${Math.round(e.getBoundingClientRect().width)}`),
    );
    expect(tops.length, widths.join(' ')).toBeGreaterThan(8);
    // Every item of the banner sits on the same line (their vertical centres within a few pixels).
    expect(Math.max(...tops) - Math.min(...tops), widths.join(' ')).toBeLessThanOrEqual(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.context().close();
  });

  it('shows people, applications and mail as stacked cards on a 390 px phone', async () => {
    const page = await signedIn(390);
    const check = async (path: string, rowName: string) => {
      await page.goto(new URL(path, journey.baseUrl).href);
      const row = page.getByRole('row').filter({ hasText: rowName }).first();
      await row.waitFor();
      // No sideways scrolling, of the page or of the list.
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        wraps: [...document.querySelectorAll('.table-wrap')].map((w) => w.scrollWidth - w.clientWidth),
      }));
      expect(widths.page, path).toBeLessThanOrEqual(390);
      for (const extra of widths.wraps) expect(extra, path).toBeLessThanOrEqual(1);
      // Each row is a card as wide as the screen allows, its title not broken letter by letter.
      const header = row.getByRole('rowheader');
      const box = (await header.boundingBox())!;
      expect(box.width, path).toBeGreaterThan(250);
      // Each cell says what it is (its column's name).
      const labelled = await row.locator('td[data-label]').count();
      expect(labelled, path).toBeGreaterThan(1);
      await expectNoAxeViolations(page, `${path} at 390 px`);
    };
    await check('/people', 'Oluwaseun Adebayo-Whitfield');
    await check(`/programmes/${programmeId}/enrolment`, 'Amara Okafor-Lindenberg');
    await check('/mail', 'amara.okafor-lindenberg@wateraid-international.example.org');
    await page.context().close();
  });
});
