import { SignedInPage } from './app-page.ts';

/** Home: the person's sets and programmes. */
export class DashboardPage extends SignedInPage {
  protected readonly path = /^\/$/;
  protected readonly title = /^Welcome, /;

  async newProgramme(): Promise<void> {
    await this.page.getByRole('link', { name: 'New programme' }).first().click();
  }

  /** Names of the cards under a section heading ("Your sets" or "Programmes"). */
  async cardTitles(section: 'Your sets' | 'Programmes'): Promise<string[]> {
    const region = this.page.getByRole('region', { name: section });
    return (await region.getByRole('heading', { level: 3 }).allTextContents()).map((s) => s.trim());
  }

  async cardText(section: 'Your sets' | 'Programmes', title: string): Promise<string> {
    const region = this.page.getByRole('region', { name: section });
    return (await region.getByRole('listitem').filter({ hasText: title }).first().textContent()) ?? '';
  }

  async open(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).click();
  }
}
