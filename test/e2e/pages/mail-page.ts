import { SignedInPage } from './app-page.ts';

/** The host admin's view of queued and sent mail. */
export class MailPage extends SignedInPage {
  protected readonly path = /^\/mail$/;
  protected readonly title = 'Mail outbox';

  async delivery(): Promise<string> {
    return (
      (await this.page
        .getByText(/^Mail is /)
        .first()
        .textContent()) ?? ''
    ).trim();
  }

  async recipients(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Queued and sent email' });
    return (await table.locator('tbody tr td:nth-of-type(1)').allTextContents()).map((s) => s.trim());
  }
}
