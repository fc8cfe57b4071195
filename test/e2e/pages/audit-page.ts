import { SignedInPage } from './app-page.ts';

/** The host admin's audit trail: filters, the events table, the CSV link and the retention form. */
export class AuditPage extends SignedInPage {
  protected readonly path = /^\/audit$/;
  protected readonly title = 'Audit trail';

  /** The "What" column of each row, top (newest) first. */
  async actions(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Audit events, newest first' });
    await table.waitFor();
    return (await table.locator('tbody tr td:nth-of-type(2)').allTextContents()).map((s) => s.trim());
  }

  /** The "Who" column (row headers), without the address line. */
  async actors(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Audit events, newest first' });
    return (await table.locator('tbody tr th').allTextContents()).map((s) =>
      s.replace(/from .*$/, '').trim(),
    );
  }

  async filterByAction(label: string): Promise<void> {
    await this.choose(this.page.getByLabel('Action'), label);
    await this.page.getByRole('button', { name: 'Show events' }).click();
  }

  async csvHref(): Promise<string> {
    return (await this.page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '';
  }

  async keepFor(days: number): Promise<void> {
    await this.page.getByLabel('Keep events for (days)').fill(String(days));
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }
}
