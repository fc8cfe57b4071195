import { SignedInPage } from './app-page.ts';

export class OrganisationsPage extends SignedInPage {
  protected readonly path = /^\/organisations$/;
  protected readonly title = 'Organisations';

  /** Adds one organisation; resolves once it is listed (or once an error is shown). */
  async add(name: string, { expectError = false } = {}): Promise<void> {
    await this.page.getByLabel('Organisation name').fill(name);
    await this.page.getByRole('button', { name: 'Add organisation' }).click();
    if (expectError) await this.errorSummary().waitFor();
    else await this.announced(`${name} was added.`);
  }

  async names(): Promise<string[]> {
    const rows = this.page.getByRole('table').getByRole('rowheader');
    return (await rows.allTextContents()).map((s) => s.trim());
  }
}
