// Page-object base: every navigation is followed by an accessibility check, so each journey
// audits each screen it visits.
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../../support/browser.ts';

export class BasePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens path (relative to baseUrl), waits for the page to be ready, then checks accessibility. */
  async goto(path = '/'): Promise<this> {
    await this.page.goto(new URL(path, this.baseUrl).href);
    await this.ready();
    await this.checkAccessibility(path);
    return this;
  }

  /** Override to wait for what marks the screen as loaded; the default waits for a level-1 heading. */
  protected async ready(): Promise<void> {
    await this.page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  checkAccessibility(label = this.page.url()): Promise<void> {
    return expectNoAxeViolations(this.page, label);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 }).first();
  }

  async headingText(): Promise<string> {
    return ((await this.heading().textContent()) ?? '').trim();
  }

  /** The text of the first live region (role=status or alert), after waiting for it to appear. */
  async announcement(): Promise<string> {
    const region = this.page.locator('[role=status], [role=alert]').filter({ hasText: /\S/ }).first();
    await region.waitFor();
    return ((await region.textContent()) ?? '').trim();
  }
}
