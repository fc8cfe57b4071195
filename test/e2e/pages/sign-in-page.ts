import type { Page } from 'playwright-core';
import { AppPage } from './app-page.ts';
import { DashboardPage } from './dashboard-page.ts';

export class SignInPage extends AppPage {
  protected readonly path = /^\/sign-in$/;
  protected readonly title = 'Sign in';

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Starts signing in through a single sign-on provider (the browser leaves for it). */
  async signInWith(provider: string): Promise<void> {
    await this.page.getByRole('button', { name: `Sign in with ${provider}` }).click();
  }

  /** The explanation shown when a single sign-on was refused. */
  async refusal(): Promise<string> {
    const alert = this.page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await alert.waitFor();
    return ((await alert.textContent()) ?? '').trim();
  }

  /** The second step, when the account uses two-factor sign-in. */
  async enterCode(code: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    await this.page.getByLabel('6-digit code').fill(code);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }

  async enterRecoveryCode(code: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    await this.page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await this.page.getByLabel('Recovery code').fill(code);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

/** Opens the sign-in page, signs in with the form and arrives home. */
export async function signInWithTheForm(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<DashboardPage> {
  const signIn = await new SignInPage(page, baseUrl).goto('/sign-in');
  await signIn.signIn(email, password);
  return new DashboardPage(page, baseUrl).arrived();
}
