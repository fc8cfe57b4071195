import { AppPage } from './app-page.ts';

/** Where the private link in the acknowledgement mail leads: the application's status, and withdrawing. */
export class YourApplicationPage extends AppPage {
  protected readonly path = /^\/your-application\/[^/]+$/;
  protected readonly title = /^Your application to /;

  /** The status in words, e.g. "Received" or "Withdrawn". */
  async status(): Promise<string> {
    const region = this.page.getByRole('region', { name: 'Where your application stands' });
    return ((await region.getByRole('status').textContent()) ?? '').trim();
  }

  /**
   * Withdraws with the keyboard only: Enter on the button opens the confirmation, whose safe choice
   * (Cancel) has focus; Tab moves to the confirming button and Enter withdraws.
   */
  async withdrawByKeyboard(): Promise<void> {
    await this.page.getByRole('button', { name: 'Withdraw my application' }).focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
    await this.auditState('confirm withdrawing an application');
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }
}
