import { SignedInPage } from './app-page.ts';

/** A person's own "Sign-in and devices" settings. */
export class SecurityPage extends SignedInPage {
  protected readonly path = /^\/settings\/security$/;
  protected readonly title = 'Sign-in and devices';

  async requiredNotice(): Promise<string> {
    const alert = this.page.getByRole('alert').filter({ hasText: 'requires two-factor sign-in' });
    await alert.waitFor();
    return ((await alert.textContent()) ?? '').trim();
  }

  /** Turns the second factor on up to the QR code; returns the key shown beside it. */
  async startTwoFactor(password: string): Promise<string> {
    await this.page.getByLabel('Your password').fill(password);
    await this.page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await this.page.getByRole('img', { name: /QR code/ }).waitFor();
    return ((await this.page.getByTestId('totp-secret').textContent()) ?? '').trim();
  }

  /** Confirms with a code from the app; returns the recovery codes shown once. */
  async confirmTwoFactor(code: string): Promise<string[]> {
    await this.page.getByLabel('6-digit code').fill(code);
    await this.page.getByRole('button', { name: 'Confirm and turn on' }).click();
    const list = this.page.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    return (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  }

  async savedCodes(): Promise<void> {
    await this.page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await this.page.getByText('Two-factor sign-in is on.', { exact: false }).first().waitFor();
  }

  /** The rows of the signed-in devices table: name (with "This device"), place. */
  async devices(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Signed-in devices' });
    await table.waitFor();
    return (await table.locator('tbody tr th').allTextContents()).map((s) => s.trim());
  }

  async signOutOtherDevices(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out of all other devices' }).click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: 'Sign out of all other devices' })
      .click();
    await this.page
      .getByRole('status')
      .filter({ hasText: /Signed out of \d+ other device/ })
      .waitFor();
  }
}

/** The host admin's "Sign-in settings": single sign-on providers and the two-factor requirement. */
export class HostSignInPage extends SignedInPage {
  protected readonly path = /^\/settings\/sign-in$/;
  protected readonly title = 'Sign-in settings';

  async addProvider(p: {
    name: string;
    slug: string;
    issuer: string;
    clientId: string;
    clientSecret: string;
    domains: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a provider' }).click();
    const form = this.page.getByRole('form', { name: 'Add a provider' });
    await form.getByLabel('Name on the sign-in button').fill(p.name);
    await form.getByLabel('Short name').fill(p.slug);
    await form.getByLabel('Issuer URL').fill(p.issuer);
    await form.getByLabel('Client ID').fill(p.clientId);
    await form.getByLabel('Client secret').fill(p.clientSecret);
    await form.getByLabel(/^E-mail domains/).fill(p.domains);
    await form.getByRole('button', { name: 'Add provider' }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: `${p.name} added.` })
      .waitFor();
  }

  /** The text of a provider's card. */
  async providerCard(name: string): Promise<string> {
    const card = this.page.getByRole('article', { name });
    await card.waitFor();
    return ((await card.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async requireTwoFactor(): Promise<void> {
    await this.page.getByLabel('Require two-factor sign-in for host admins and coordinators').check();
    await this.page.getByRole('status').filter({ hasText: 'now need two-factor sign-in' }).waitFor();
  }
}
