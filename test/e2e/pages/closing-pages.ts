// Closing a programme and data rights: the programme's close section and closed banner, a person's own
// page (download my data) and a host admin's erasure, and the Data page (retention, erasure log).
import type { Download } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

export class ClosingProgrammePage extends SignedInPage {
  protected readonly path = /^\/programmes\/[^/]+(\/settings)?$/;
  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  /** Settings → Close programme, through its confirmation dialog (audited). */
  async close(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close programme' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await this.auditState('close programme confirmation');
    await dialog.getByRole('button', { name: 'Close programme' }).click();
    await this.announced(/is closed/);
  }

  banner() {
    return this.page.getByRole('region', { name: 'This programme is closed' });
  }

  async download(name: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name }).click(),
    ]);
    return download;
  }
}

export class PersonPage extends SignedInPage {
  protected readonly path = /^\/people\/[^/]+$/;
  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  async downloadMyData(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: 'Download my data (.tar.gz)' }).click(),
    ]);
    return download;
  }

  /** Prepares the erasure and returns the listed counts. */
  async prepareErasure(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Prepare erasure…' }).click();
    const list = this.page.getByRole('list', { name: 'What will be removed or anonymised' });
    await list.waitFor();
    await this.auditState('erasure confirmation');
    return list.getByRole('listitem').allTextContents();
  }

  async erase(typedName: string, mode: 'Remove it' | 'Keep it'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
    await this.page.getByLabel(/to confirm$/).fill(typedName);
    await this.page.getByRole('button', { name: /^Erase / }).click();
    await this.announced('The person was erased.');
  }
}

export class DataPage extends SignedInPage {
  protected readonly path = /^\/data$/;
  protected readonly title = 'Data and retention';

  async setRetention(days: string): Promise<void> {
    await this.page.getByLabel('Days to keep set content after a programme closes').fill(days);
    await this.page.getByRole('button', { name: 'Save changes' }).click();
    await this.announced('Retention saved.');
  }
}
