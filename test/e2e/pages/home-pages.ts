// Home's "What's next" and My settings, as a person sees them.
import type { Locator } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

export class HomePage extends SignedInPage {
  protected readonly path = /^\/$/;
  protected readonly title = /^Welcome, /;

  whatsNext(): Locator {
    return this.page.getByRole('region', { name: "What's next" });
  }

  section(name: 'Your next meetings' | 'Waiting for you' | "Your sets' next steps" | 'Needs you'): Locator {
    return this.whatsNext().getByRole('region', { name });
  }

  meetingCard(setName: string): Locator {
    return this.section('Your next meetings')
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: `${setName} meeting` }) });
  }

  async items(name: Parameters<HomePage['section']>[0]): Promise<string[]> {
    const region = this.section(name);
    await region.waitFor();
    return (await region.getByRole('listitem').allTextContents()).map((s) => s.trim());
  }
}

export class SettingsPage extends SignedInPage {
  protected readonly path = /^\/settings$/;
  protected readonly title = 'My settings';

  async saveProfile(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save profile' }).click();
    await this.announced('Your profile is saved.');
  }

  zone(): Locator {
    return this.page.getByRole('combobox', { name: /^Time zone/ });
  }

  async findZone(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Find your time zone' }).fill(text);
  }

  reminders(): Locator {
    return this.page.getByRole('list', { name: 'Meeting reminders' }).getByRole('listitem');
  }

  async reminderTexts(): Promise<string[]> {
    return (await this.reminders().locator('span').allTextContents()).map((s) => s.trim());
  }

  async addReminder(label: string): Promise<void> {
    await this.page.getByLabel('Add a reminder').selectOption({ label });
    await this.page.getByRole('button', { name: 'Add reminder' }).click();
    await this.announced(`Reminder ${label} added.`);
  }

  async removeReminder(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove the reminder ${label}` }).click();
    await this.announced(`Reminder ${label} removed.`);
  }

  /** Creates the private feed and returns the address the page shows. */
  async createFeed(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create my feed address' }).click();
    const field = this.page.getByLabel('Your private feed address');
    await field.waitFor();
    return field.inputValue();
  }
}
