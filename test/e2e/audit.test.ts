// The host admin reads the audit trail in the browser: sign-ins and a failed one are listed, a filter
// narrows them, the CSV link carries the filter, and the retention is changed; axe checks each state.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, saveScreenshot, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { AuditPage } from './pages/audit-page.ts';
import { signInWithTheForm } from './pages/sign-in-page.ts';

const password = 'a long enough password';

describe('the audit trail, as the host admin reads it', () => {
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

  it('lists sign-ins and failures, filters them, offers the CSV and changes the retention', async () => {
    const { server } = journey;
    const origin = journey.baseUrl;
    const post = (url: string, payload: object, cookie?: string) =>
      server.app.inject({ method: 'POST', url, payload, headers: { origin, ...(cookie ? { cookie } : {}) } });
    const setup = await post('/api/setup', {
      hostName: 'Northern NGO Learning Network',
      adminName: 'Ada Admin',
      email: 'ada@example.org',
      password,
      timeZone: 'Europe/London',
    });
    expect(setup.statusCode).toBe(201);
    const wrong = await post('/api/auth/sign-in/email', {
      email: 'ada@example.org',
      password: 'not my password',
    });
    expect(wrong.statusCode).toBe(401);

    admin = await newPage(browser);
    screenshotOnFailure(admin);
    const home = await signInWithTheForm(admin, journey.baseUrl, 'ada@example.org', password);
    await home.navigate('Audit trail');
    const trail = await new AuditPage(admin, journey.baseUrl).arrived();
    const actions = await trail.actions();
    expect(actions[0]).toBe('Signed in');
    expect(actions).toContain('Sign-in failed');
    expect((await trail.actors())[0]).toBe('Ada Admin <ada@example.org>');

    await trail.filterByAction('Sign-in failed');
    await admin.waitForFunction(() =>
      [...document.querySelectorAll('table tbody tr td:nth-of-type(2)')].every(
        (td) => td.textContent === 'Sign-in failed',
      ),
    );
    expect(await trail.actions()).toEqual(['Sign-in failed']);
    expect(await trail.actors()).toEqual(['ada@example.org']);
    expect(await trail.csvHref()).toMatch(/\/audit\.csv\?action=auth\.signInFailed$/);
    await trail.auditState('audit trail, filtered');

    await trail.keepFor(30);
    await trail.announced('Events are now kept for 30 days.');
    await trail.auditState('audit trail, retention saved');
    await saveScreenshot(admin, 'audit-trail');
  });
});
