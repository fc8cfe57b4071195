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

/** One mail as the host admin sees it: set content and private links withheld. */
export class MailMessagePage extends SignedInPage {
  protected readonly path = /^\/mail\/[^/]+$/;
  constructor(
    page: import('playwright-core').Page,
    baseUrl: string,
    protected readonly title: string | RegExp,
  ) {
    super(page, baseUrl);
  }

  async text(): Promise<string> {
    return (await this.page.locator('pre.mail-text').textContent()) ?? '';
  }

  /** The note saying what is withheld, read as screen readers get it (the text's description). */
  async withheldNote(): Promise<string> {
    const id = await this.page.locator('pre.mail-text').getAttribute('aria-describedby');
    return id ? ((await this.page.locator(`[id="${id}"]`).textContent()) ?? '').trim() : '';
  }
}
