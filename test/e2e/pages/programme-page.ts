import type { Locator } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

/** A programme's page; its tabs are links with aria-current. */
export class ProgrammePage extends SignedInPage {
  protected readonly path =
    /^\/programmes\/[^/]+(\/(people|organisations|enrolment|formation|calendar|settings))?$/;

  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  async tab(
    name: 'Sets' | 'People' | 'Organisations' | 'Enrolment' | 'Formation' | 'Calendar' | 'Settings',
  ): Promise<this> {
    await this.page
      .getByRole('navigation', { name: 'Programme' })
      .getByRole('link', { name, exact: true })
      .click();
    await this.page.waitForURL((url) =>
      url.pathname.endsWith(name === 'Sets' ? this.programmeId() : `/${name.toLowerCase()}`),
    );
    await this.page.getByRole('heading', { level: 2 }).first().waitFor();
    await this.checkAccessibility(`programme tab ${name}`);
    return this;
  }

  programmeId(): string {
    return new URL(this.page.url()).pathname.split('/')[2] ?? '';
  }

  async newSet(): Promise<void> {
    await this.page.getByRole('link', { name: 'New set' }).first().click();
  }

  setCard(name: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name }) });
  }

  async setNames(): Promise<string[]> {
    const region = this.page.getByRole('region', { name: 'Sets' });
    return (await region.getByRole('heading', { level: 3 }).allTextContents()).map((s) => s.trim());
  }

  /** The members listed on a set's card, as the programme page shows them. */
  async rosterOnCard(setName: string): Promise<string[]> {
    const list = this.page.getByRole('list', { name: `Members of ${setName}` });
    const names = await list.locator('.roster-list__name').allTextContents();
    return names.map((s) => s.trim());
  }

  async openSet(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  /** On the Settings tab: make a person coordinator, then invite them. */
  async addCoordinator(name: string): Promise<void> {
    await this.choose(this.page.getByLabel('Person to add as coordinator'), name);
    await this.page.getByRole('button', { name: 'Add coordinator' }).click();
    await this.announced(`${name} now coordinates this programme.`);
  }

  /** Opens the archive confirmation and returns the dialog; nothing is archived until it is confirmed. */
  async openArchiveDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Archive programme' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Archive “${this.title}”?` });
    await dialog.waitFor();
    return dialog;
  }

  async focusedText(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  }

  async inviteCoordinator(name: string): Promise<void> {
    const region = this.page.getByRole('region', { name: 'Coordinators' });
    await region.getByRole('button', { name: `Invite ${name}` }).click();
    await this.announced(`Invitation sent to ${name}.`);
  }
}
