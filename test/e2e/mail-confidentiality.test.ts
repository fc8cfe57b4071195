// The host admin reads the outbox in the browser: a member's open-actions reminder is listed and opened,
// its action texts and private links withheld and said to be; the member's delivered copy has them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, saveScreenshot, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { addPersonWithAccount, password, setUpHost } from './pages/api-setup.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { MailMessagePage, MailPage } from './pages/mail-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const secretAction = 'Tell my director I will not sign off the merger plan';

describe('the mail outbox, as the host admin reads it', () => {
  let journey: JourneyServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: true, config: { reminderPollMs: 200 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await journey?.close();
  });

  /** A host, a set with a member who committed to an action, and a meeting in two days. */
  async function seed() {
    const { server } = journey;
    const origin = journey.baseUrl;
    const host = await setUpHost(server, origin);
    const { call, admin: adminCookie } = host;
    const memberId = await addPersonWithAccount(host, {
      name: 'Amara Okafor',
      email: 'amara@example.org',
      jobRole: 'Learning lead',
    });
    const programme = await call(
      'POST',
      `/api/hosts/${host.hostId}/programmes`,
      { name: 'Leading Learning 2027' },
      adminCookie,
    );
    const set = await call(
      'POST',
      `/api/programmes/${programme.body.id}/sets`,
      { name: 'Set Kestrel' },
      adminCookie,
    );
    await call('POST', `/api/sets/${set.body.id}/members`, { personId: memberId }, adminCookie);
    const amara = await call('POST', '/api/auth/sign-in/email', { email: 'amara@example.org', password });
    await call('POST', `/api/sets/${set.body.id}/actions`, { text: secretAction }, amara.cookies);
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3_600_000);
    const meeting = await call(
      'POST',
      `/api/sets/${set.body.id}/meetings`,
      { localStart: inTwoDays.toISOString().slice(0, 16), timeZone: 'UTC', durationMinutes: 120 },
      adminCookie,
    );
    // The meeting was planned a week ago, so its open-actions reminder (three days before) is due now.
    await server.ctx.store.plain
      .updateTable('meeting')
      .set({ updated_at: new Date(Date.now() - 7 * 24 * 3_600_000).toISOString() })
      .where('id', '=', meeting.body.id)
      .execute();
  }

  it('lists the reminder and opens it with the actions and links withheld; the member receives them', async () => {
    await seed();
    const delivered = await journey.catcher!.waitFor((m) =>
      /open actions before Set Kestrel/.test(m.subject ?? ''),
    );
    expect(delivered.text).toContain(secretAction);

    admin = await newPage(browser);
    screenshotOnFailure(admin);
    await new SignInPage(admin, journey.baseUrl)
      .goto('/sign-in')
      .then((p) => p.signIn('ada@example.org', password));
    const home = await new DashboardPage(admin, journey.baseUrl).arrived();
    await home.navigate('Mail outbox');
    const outbox = await new MailPage(admin, journey.baseUrl).arrived();
    expect(await outbox.recipients()).toContain('amara@example.org');
    expect(await admin.content()).not.toContain('merger');

    await admin.getByRole('link', { name: /open actions before Set Kestrel/ }).click();
    const mail = await new MailMessagePage(
      admin,
      journey.baseUrl,
      /open actions before Set Kestrel/,
    ).arrived();
    const text = await mail.text();
    expect(text).toContain('Your set Set Kestrel meets on');
    expect(text).toContain('[set content withheld: only the recipient reads it]');
    expect(text).toContain('[private link withheld]');
    expect(await admin.content()).not.toContain('merger');
    expect(await mail.withheldNote()).toMatch(
      /^Parts of this mail are set content: only its recipient reads them/,
    );
    await saveScreenshot(admin, 'mail-withheld-set-content');
  });
});
