/**
 * My settings: a member finds the page from the account menu on a phone, changes their language, finds
 * their time zone by its old name (Calcutta: stored and shown as Asia/Kolkata), picks reminder times from
 * presets; everything persists. Axe-clean on a phone (390 px) and a laptop.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialAccount } from '../../src/server/auth/accounts.ts';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser, newContext, saveScreenshot, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { HomePage, SettingsPage } from './pages/home-pages.ts';

const password = 'a long enough password';
const amara = { name: 'Amara Okafor', email: 'amara@example.org' };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const laptop = { viewport: { width: 1280, height: 800 } };

describe('my settings (SQLite, Chromium)', () => {
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let cookie = '';
  let amaraId = '';
  const contexts: BrowserContext[] = [];

  const signedIn = async (options: Parameters<typeof newContext>[1]) => {
    const context = await newContext(browser, { baseURL: baseUrl, ...options });
    contexts.push(context);
    const page = await context.newPage();
    screenshotOnFailure(page);
    const pairs = cookie.split('; ').map((c) => c.split('='));
    await context.addCookies(
      pairs.map(([name, ...value]) => ({ name: name!, value: value.join('='), url: baseUrl })),
    );
    return page;
  };

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: false });
    ({ server, baseUrl } = journey);
    const inject = async (url: string, payload: object, withCookie?: string) => {
      const r = await server.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { origin: baseUrl, ...(withCookie ? { cookie: withCookie } : {}) },
      });
      if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      const raw = r.headers['set-cookie'];
      return {
        body: JSON.parse(r.body),
        cookie: (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; '),
      };
    };
    const setup = await inject('/api/setup', {
      hostName: 'Northern NGO Learning Network',
      adminName: 'Ada Admin',
      email: 'ada@example.org',
      password,
      timeZone: 'Europe/London',
    });
    const person = await inject(
      `/api/hosts/${setup.body.hostId}/people`,
      { name: amara.name, email: amara.email, jobRole: 'Programme lead' },
      setup.cookie,
    );
    amaraId = person.body.id;
    const userId = await createCredentialAccount(server.ctx, { ...amara, password });
    await server.ctx.store.plain
      .updateTable('person')
      .set({ user_id: userId })
      .where('id', '=', amaraId)
      .execute();
    cookie = (await inject('/api/auth/sign-in/email', { email: amara.email, password })).cookie;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('changes language, time zone and reminders on a phone, and they persist', async () => {
    const page = await signedIn(phone);
    await page.goto(`${baseUrl}/`);
    await new HomePage(page, baseUrl).arrived();
    await page.getByRole('link', { name: 'My settings' }).click();
    const settings = await new SettingsPage(page, baseUrl).arrived();
    await saveScreenshot(page, 'settings-phone');

    // Language, by its own name.
    const language = page.getByRole('combobox', { name: /^Language/ });
    expect(await language.locator('option').allTextContents()).toEqual([
      'English',
      'Français',
      'Español',
      'العربية',
    ]);
    // Reminder times from presets (the defaults are two days and two hours before), not a comma list.
    expect(await settings.reminderTexts()).toEqual(['2 days before', '2 hours before']);
    await settings.removeReminder('2 hours before');
    await settings.addReminder('30 minutes before');
    expect(await settings.reminderTexts()).toEqual(['2 days before', '30 minutes before']);

    await language.selectOption({ label: 'Español' });

    // Time zone by the old name people (and some browsers) still use.
    await settings.findZone('Calcutta');
    expect(await settings.zone().inputValue()).toBe('Asia/Kolkata');
    expect(await settings.zone().locator('option:checked').textContent()).toBe(
      'Kolkata (GMT+5:30), Asia/Kolkata',
    );
    await settings.auditState('the time-zone search, on a phone');
    await settings.saveProfile();

    await page.reload();
    // The saved language is this browser's from now on: the page speaks Spanish from its first paint.
    await page.getByRole('heading', { level: 1, name: 'Mi configuración' }).waitFor();
    expect(await page.getByRole('combobox', { name: /^Idioma/ }).inputValue()).toBe('es');
    expect(await page.getByRole('combobox', { name: /^Zona horaria/ }).inputValue()).toBe('Asia/Kolkata');
    // Reminders included.
    const spanishReminders = page.getByRole('list', { name: 'Recordatorios de reunión' }).locator('span');
    expect((await spanishReminders.allTextContents()).map((text) => text.trim())).toEqual([
      '2 días antes',
      '30 minutos antes',
    ]);
    const stored = await server.ctx.store.plain
      .selectFrom('person')
      .select(['time_zone', 'language'])
      .where('id', '=', amaraId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ time_zone: 'Asia/Kolkata', language: 'es' });
  });

  it('is axe-clean on a laptop, with the calendar feed and links to devices and data', async () => {
    // Read in English, whatever the journey before chose.
    await server.ctx.store.plain
      .updateTable('person')
      .set({ language: 'en' })
      .where('id', '=', amaraId)
      .execute();
    const page = await signedIn(laptop);
    await page.goto(`${baseUrl}/settings`);
    const settings = await new SettingsPage(page, baseUrl).arrived();
    const url = await settings.createFeed();
    expect(url.startsWith(`${baseUrl}/`)).toBe(true);
    await page.getByRole('button', { name: 'Copy the address' }).waitFor();
    await settings.auditState('settings with a new feed address, on a laptop');
    expect(await page.getByRole('link', { name: 'Manage sign-in and devices' }).getAttribute('href')).toBe(
      '/settings/security',
    );
    await page
      .getByRole('link', { name: /download/i })
      .first()
      .waitFor();
    await saveScreenshot(page, 'settings-laptop');
  });
});
