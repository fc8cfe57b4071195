// Signing in safely, in the browser: the host admin adds the organisation's OpenID provider, an invited
// person signs in through it (the provider's own login and consent pages, then back, signed in), a
// stranger is refused; the host then requires two-factor sign-in of admins, the admin is led to set it
// up, signs in again with a code computed here (RFC 6238) and with a recovery code, and signs out
// another device from the devices list.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, saveScreenshot, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { totpNow } from '../support/totp.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { HostSignInPage, SecurityPage } from './pages/security-pages.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const password = 'a long enough password';

describe('single sign-on and two-factor sign-in, in the browser', () => {
  let journey: JourneyServer;
  let idp: TestOidcProvider;
  let browser: Browser;
  let admin: Page;
  /** Ada's authenticator app: the key she scanned. */
  let totpSecret = '';

  beforeAll(async () => {
    // The journey signs the same people in many times from one address: the flood limit (tested on its own
    // in test/api/errors-and-headers.test.ts) is raised so it does not end the story early.
    journey = await startJourneyServer({
      mail: false,
      config: { signInRateLimit: { max: 100, windowSeconds: 60 } },
    });
    idp = await startOidcProvider({
      redirectUris: [`${journey.baseUrl}/api/auth/callback/sso-acme`],
      accounts: [
        { email: 'ines@acme.example', password: 'acme-pass-1', name: 'Inès Moreau', emailVerified: true },
        { email: 'sam@acme.example', password: 'acme-pass-2', name: 'Sam Stranger', emailVerified: true },
      ],
    });
    browser = await launchBrowser();
    const inject = async (url: string, payload: object, cookie?: string) => {
      const response = await journey.server.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { origin: journey.baseUrl, ...(cookie ? { cookie } : {}) },
      });
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      const raw = response.headers['set-cookie'];
      return {
        body: JSON.parse(response.body),
        cookie: (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; '),
      };
    };
    const setup = await inject('/api/setup', {
      hostName: 'Acme Learning Network',
      adminName: 'Ada Admin',
      email: 'ada@example.org',
      password,
      timeZone: 'Europe/London',
    });
    // Inès has been added (invited) but has never signed in.
    await inject(
      `/api/hosts/${setup.body.hostId}/people`,
      { name: 'Inès Moreau', email: 'ines@acme.example' },
      setup.cookie,
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await idp?.close();
    await journey?.close();
  });

  it('lets the host admin add the organisation’s provider', async () => {
    admin = await newPage(browser);
    screenshotOnFailure(admin);
    await new SignInPage(admin, journey.baseUrl)
      .goto('/sign-in')
      .then((p) => p.signIn('ada@example.org', password));
    await new DashboardPage(admin, journey.baseUrl).arrived();
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sign-in settings' })
      .click();
    const settings = await new HostSignInPage(admin, journey.baseUrl).arrived();
    await settings.addProvider({
      name: 'Acme',
      slug: 'acme',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains: 'acme.example',
    });
    const card = await settings.providerCard('Acme');
    expect(card).toContain(`${journey.baseUrl}/api/auth/callback/sso-acme`);
    expect(card).toMatch(/Client secret\s*Set/);
    expect(await admin.content()).not.toContain(idp.clientSecret);
    await settings.auditState('sign-in settings with a provider');
    await saveScreenshot(admin, 'sso-provider-configured');
  });

  it('signs an invited person in through the provider’s login and consent pages', async () => {
    const page = await newPage(browser);
    screenshotOnFailure(page);
    const signIn = await new SignInPage(page, journey.baseUrl).goto('/sign-in');
    await signIn.signInWith('Acme');
    // The provider's own pages.
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.getByRole('heading', { name: 'Acme sign-in' }).waitFor();
    await page.getByLabel('E-mail').fill('ines@acme.example');
    await page.getByLabel('Password').fill('acme-pass-1');
    await page.getByRole('button', { name: 'Sign in to Acme' }).click();
    await page.getByRole('heading', { name: 'Allow access' }).waitFor();
    await page.getByRole('button', { name: 'Allow' }).click();
    // Back at Revans, signed in as the linked person.
    const home = await new DashboardPage(page, journey.baseUrl).arrived();
    expect(await home.headingText()).toBe('Welcome, Inès Moreau');
    expect(idp.shown).toMatchObject({ login: 1, consent: 1 });
    await page.context().close();
  });

  it('refuses someone unknown to the host, back on the sign-in page with the reason', async () => {
    const page = await newPage(browser);
    screenshotOnFailure(page);
    const signIn = await new SignInPage(page, journey.baseUrl).goto('/sign-in');
    await signIn.signInWith('Acme');
    await page.getByRole('heading', { name: 'Acme sign-in' }).waitFor();
    await page.getByLabel('E-mail').fill('sam@acme.example');
    await page.getByLabel('Password').fill('acme-pass-2');
    await page.getByRole('button', { name: 'Sign in to Acme' }).click();
    await page.getByRole('heading', { name: 'Allow access' }).waitFor();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.has('error'));
    expect(await signIn.refusal()).toMatch(/^Nobody with that e-mail address is known here/);
    await signIn.auditState('sign-in page with a refusal');
    const me = await page.request.get(`${journey.baseUrl}/api/me`);
    expect(me.status()).toBe(401);
    await saveScreenshot(page, 'sso-refused');
    await page.context().close();
  });

  it('leads the admin to set up two-factor sign-in once required, then asks for a code at sign-in', async () => {
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sign-in settings' })
      .click();
    const settings = await new HostSignInPage(admin, journey.baseUrl).arrived();
    await settings.requireTwoFactor();
    // Anywhere else now leads to setting it up first.
    await admin.goto(`${journey.baseUrl}/people`);
    const security = await new SecurityPage(admin, journey.baseUrl).arrived();
    expect(await security.requiredNotice()).toMatch(/requires two-factor sign-in for your role/);
    const secret = await security.startTwoFactor(password);
    totpSecret = secret;
    await security.auditState('two-factor set-up with the QR code');
    await saveScreenshot(admin, 'two-factor-setup');
    const recoveryCodes = await security.confirmTwoFactor(totpNow(secret));
    expect(recoveryCodes).toHaveLength(10);
    await security.savedCodes();
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'People', exact: true })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    // Signing in again asks for the code from the app.
    await new DashboardPage(admin, journey.baseUrl).signOut();
    const signIn = await new SignInPage(admin, journey.baseUrl).goto('/sign-in');
    await signIn.signIn('ada@example.org', password);
    await signIn.auditState('two-factor step at sign-in');
    await signIn.enterCode(totpNow(secret));
    await new DashboardPage(admin, journey.baseUrl).arrived();

    // A recovery code works once, in place of the app.
    await new DashboardPage(admin, journey.baseUrl).signOut();
    await new SignInPage(admin, journey.baseUrl).goto('/sign-in');
    await signIn.signIn('ada@example.org', password);
    await signIn.enterRecoveryCode(recoveryCodes[0]!);
    await new DashboardPage(admin, journey.baseUrl).arrived();
  });

  it('lists the admin’s signed-in devices and signs the others out', async () => {
    // Ada also signs in on a phone, with a code from her app.
    const phone = await newPage(browser, {
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    });
    screenshotOnFailure(phone);
    const phoneSignIn = await new SignInPage(phone, journey.baseUrl).goto('/sign-in');
    await phoneSignIn.signIn('ada@example.org', password);
    await phoneSignIn.enterCode(totpNow(totpSecret));
    await new DashboardPage(phone, journey.baseUrl).arrived();

    // Sign-in and devices are one of My settings' places (the banner keeps to one line on a laptop).
    await admin.getByRole('link', { name: 'My settings' }).click();
    await admin.getByRole('link', { name: 'Manage sign-in and devices' }).click();
    const security = await new SecurityPage(admin, journey.baseUrl).arrived();
    // This browser, the phone, and the session the first-run setup opened.
    const devices = await security.devices();
    expect(devices).toHaveLength(3);
    expect(devices[0]).toMatch(/^Chrome on Linux\s*This device$/);
    expect(devices).toContain('Safari on iOS');
    await saveScreenshot(admin, 'signed-in-devices');
    await security.signOutOtherDevices();
    expect(await security.devices()).toHaveLength(1);

    // The phone is signed out: its next page is the sign-in page.
    await phone.reload();
    await new SignInPage(phone, journey.baseUrl).arrived();
    await phone.context().close();
  });
});
