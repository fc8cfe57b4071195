// Concerns to share: the set page's section, the live room's panel, and the programme's Concerns tab.
import type { Locator, Page } from 'playwright-core';
import { AppPage, SignedInPage } from './app-page.ts';

/** The set page, as far as its "Concerns to share" section goes. */
export class SetConcernsPage extends SignedInPage {
  protected readonly path = /^\/sets\/[^/]+$/;

  constructor(
    page: Page,
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.section().getByRole('heading', { name: 'Proposals' }).waitFor();
  }

  section(): Locator {
    return this.page.getByRole('region', { name: 'Concerns to share' });
  }

  card(statement: string): Locator {
    return this.section().getByRole('article', { name: statement });
  }

  async stateOf(statement: string): Promise<string> {
    return ((await this.card(statement).locator('.concern-card__state').textContent()) ?? '').trim();
  }

  async propose(statement: string, options: { tag?: string; showSetName?: boolean } = {}): Promise<void> {
    await this.section().getByText('Propose a concern to share').click();
    await this.section().getByLabel('The concern, as the programme would read it').fill(statement);
    if (options.tag)
      await this.section()
        .getByLabel(/^Theme/)
        .fill(options.tag);
    if (options.showSetName) await this.section().getByLabel('The set’s name may travel with it').check();
    await this.section().getByRole('button', { name: 'Propose for sharing' }).click();
    await this.card(statement).waitFor();
  }

  /** The same, by keyboard alone: from the section's "Propose" summary to the submit button. */
  async proposeByKeyboard(statement: string, tag: string): Promise<void> {
    await this.section().getByText('Propose a concern to share').focus();
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(statement);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(tag);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Space');
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Enter');
    await this.card(statement).waitFor();
  }

  async object(statement: string): Promise<void> {
    await this.card(statement)
      .getByRole('button', { name: /^Object “/ })
      .click();
    await this.card(statement)
      .getByRole('button', { name: /^Withdraw my objection/ })
      .waitFor();
  }

  async withdrawObjection(statement: string): Promise<void> {
    await this.card(statement)
      .getByRole('button', { name: /^Withdraw my objection/ })
      .click();
  }
}

/** The live room's process-review panel (the room page itself is MeetingRoomPage). */
export class RoomConcernsPanel {
  constructor(readonly page: Page) {}

  region(): Locator {
    return this.page.getByRole('region', { name: 'Concerns to share with the programme' });
  }

  card(statement: string): Locator {
    return this.region().getByRole('article', { name: statement });
  }

  async propose(statement: string, tag: string): Promise<void> {
    await this.region().getByText('Propose a concern', { exact: true }).click();
    await this.region().getByLabel('The concern, as the programme would read it').fill(statement);
    await this.region()
      .getByLabel(/^Theme/)
      .fill(tag);
    await this.region().getByRole('button', { name: 'Propose for sharing' }).click();
    await this.card(statement).waitFor();
  }

  /** Approves once the proposal has reached this screen (the panel asks again every few seconds). */
  async approve(statement: string): Promise<void> {
    const button = this.card(statement).getByRole('button', { name: /^Approve “/ });
    await button.waitFor({ timeout: 20_000 });
    await button.click();
  }
}

/** The programme's Concerns tab: shared concerns, the themes board, voting and results. */
export class ProgrammeConcernsPage extends AppPage {
  protected readonly path = /^\/programmes\/[^/]+\/concerns$/;

  constructor(
    page: Page,
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.locator('.concerns-page').waitFor();
  }

  column(name: string): Locator {
    return this.page
      .locator('.theme-column')
      .filter({ has: this.page.getByRole('heading', { level: 3, name }) });
  }

  async columnStatements(name: string): Promise<string[]> {
    return (await this.column(name).locator('.concern-chip__text > span:first-child').allTextContents()).map(
      (s) => s.trim(),
    );
  }

  async themeNames(): Promise<string[]> {
    return (await this.page.locator('.theme-column h3').allTextContents()).map((s) => s.trim());
  }

  chip(statement: string): Locator {
    return this.page.locator('.concern-chip').filter({ hasText: statement });
  }

  /** Drags a concern by its handle onto a theme's column with a mouse (pointer events, as a finger would). */
  async drag(statement: string, toTheme: string): Promise<void> {
    const handle = this.chip(statement).locator('.concern-chip__handle');
    const from = (await handle.boundingBox())!;
    const to = (await this.column(toTheme).getByRole('heading', { level: 3 }).boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 30, from.y + 30, { steps: 5 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await this.page.mouse.up();
  }
}
