import type { Locator } from 'playwright-core';
import { ProgrammePage } from './programme-page.ts';

/** A programme's Enrolment tab: stage, open link, invitations to apply, applications and decisions. */
export class EnrolmentPage extends ProgrammePage {
  async moveTo(button: 'Open recruiting' | 'Close applications and form sets'): Promise<void> {
    await this.page.getByRole('button', { name: button }).click();
    await this.announced(/The programme is now at the stage/);
  }

  async currentStage(): Promise<string> {
    const step = this.page
      .getByRole('list', { name: 'Stages of a programme' })
      .locator('[aria-current=step]');
    return ((await step.textContent()) ?? '').trim();
  }

  async createLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create an application link' }).click();
    const field = this.page.getByRole('textbox', { name: 'Application link' });
    await field.waitFor();
    return field.inputValue();
  }

  async inviteToApply(name: string, email: string): Promise<void> {
    await this.page.getByLabel('Their name').fill(name);
    await this.page.getByLabel('Their email address').fill(email);
    await this.page.getByRole('button', { name: 'Send invitation to apply' }).click();
    await this.announced(`Invitation to apply sent to ${name}.`);
  }

  application(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Applications to this programme' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  }

  async statusOf(name: string): Promise<string> {
    return ((await this.application(name).locator('.badge').last().textContent()) ?? '').trim();
  }

  /** Opens the consent disclosure of an application and returns the wording it stored. */
  async consentOf(name: string): Promise<{ summary: string; wording: string }> {
    const row = this.application(name);
    const summary = row.locator('summary', { hasText: /^Consent / });
    await summary.click();
    return {
      summary: ((await summary.textContent()) ?? '').trim(),
      wording: ((await row.locator('details[open] p').first().textContent()) ?? '').trim(),
    };
  }

  /** Opens the answers disclosure of an application: its terms and their values, in order. */
  async answersOf(name: string): Promise<Record<string, string>> {
    const row = this.application(name);
    await row.locator('summary', { hasText: 'Answers' }).click();
    const list = row.locator('details[open] dl');
    const terms = await list.locator('dt').allTextContents();
    const values = await list.locator('dd').allTextContents();
    return Object.fromEntries(terms.map((term, i) => [term.trim(), (values[i] ?? '').trim()]));
  }

  async accept(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Accept ${name}`, exact: true }).click();
    await this.page.getByRole('button', { name: `Wait-list ${name}`, exact: true }).waitFor();
    await this.application(name).getByText('Accepted', { exact: true }).waitFor();
  }
}
