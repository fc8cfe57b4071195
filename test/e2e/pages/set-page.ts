import { SignedInPage } from './app-page.ts';

export class NewSetPage extends SignedInPage {
  protected readonly path = /^\/programmes\/[^/]+\/sets\/new$/;
  protected readonly title = 'New set';

  async create(name: string, theme?: string): Promise<void> {
    await this.page.getByLabel('Set name').fill(name);
    if (theme) await this.page.getByLabel(/^Theme/).fill(theme);
    await this.page.getByRole('button', { name: 'Create set' }).click();
  }
}

/** A set: roster, size warning; for coordinators also adding members and inviting them. */
export class SetPage extends SignedInPage {
  protected readonly path = /^\/sets\/[^/]+$/;

  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  setId(): string {
    return new URL(this.page.url()).pathname.split('/')[2] ?? '';
  }

  async addMember(name: string): Promise<void> {
    await this.choose(this.page.getByLabel('Person', { exact: true }), name);
    await this.page.getByRole('button', { name: 'Add to set' }).click();
    await this.announced(`${name} was added.`);
  }

  async rosterNames(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: `Members of ${this.title}` });
    return (await table.getByRole('rowheader').allTextContents()).map((s) =>
      s.replace(/\s*\(you\)$/, '').trim(),
    );
  }

  /** The size warning's text, or '' when the set is within its programme's bounds. */
  async sizeWarning(): Promise<string> {
    const warning = this.page.locator('p', { hasText: 'Set size:' });
    return (await warning.count()) ? ((await warning.first().textContent()) ?? '').trim() : '';
  }

  async invite(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Invite ${name}` }).click();
    await this.announced(`Invitation sent to ${name}.`);
  }

  async canManage(): Promise<boolean> {
    return (await this.page.getByRole('heading', { name: 'Add people to this set' }).count()) > 0;
  }
}

/** The ground rules section of a set page, as a member sees it. */
export class GroundRulesPanel {
  constructor(private readonly page: SetPage['page']) {}

  region() {
    return this.page.getByRole('region', { name: 'Ground rules' });
  }

  async rules(): Promise<string[]> {
    return (await this.region().locator('.rule-list li').allTextContents()).map((s) => s.trim());
  }

  acceptButton() {
    return this.region().getByRole('button', { name: /^I accept these ground rules/ });
  }

  /** Adds a rule at the end and adopts the new version. */
  async addRule(rule: string): Promise<void> {
    await this.region().getByRole('button', { name: 'Edit the ground rules' }).click();
    const box = this.region().getByLabel('Ground rules, one a line');
    await box.fill(`${await box.inputValue()}\n${rule}`);
    await this.region().getByRole('button', { name: 'Adopt this version' }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: /^Version \d+ adopted/ })
      .waitFor();
  }

  async accept(): Promise<void> {
    await this.acceptButton().click();
    await this.region()
      .getByText(/^You accepted version \d+ on /)
      .waitFor();
  }
}
