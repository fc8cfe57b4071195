// Shared behaviour of every Revans screen: wait until it has loaded, audit it, read its messages.
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../../support/browser.ts';
import { BasePage } from './base-page.ts';

/** Paths already audited in each browser tab: axe costs seconds, and a page seen again is unchanged. */
const audited = new WeakMap<Page, Set<string>>();

export abstract class AppPage extends BasePage {
  /** The URL path this page lives at, e.g. /^\/sets\/[^/]+$/. */
  protected abstract readonly path: RegExp;
  /** The level-1 heading that says this page has loaded with its data. */
  protected abstract readonly title: string | RegExp;

  protected override async ready(): Promise<void> {
    await this.page.waitForURL((url) => this.path.test(url.pathname));
    await this.page.getByRole('heading', { level: 1, name: this.title }).waitFor();
  }

  /** After arriving by a click: wait for the page, then check it with axe like goto() does. */
  async arrived(): Promise<this> {
    await this.ready();
    await this.checkAccessibility(`${this.constructor.name} (${new URL(this.page.url()).pathname})`);
    return this;
  }

  /** Audits each path once per tab (every page visited is checked; repeat visits are not re-checked). */
  override async checkAccessibility(label = this.page.url()): Promise<void> {
    const path = new URL(this.page.url()).pathname;
    const seen = audited.get(this.page) ?? new Set<string>();
    audited.set(this.page, seen);
    if (seen.has(path)) return;
    await expectNoAxeViolations(this.page, label);
    seen.add(path);
  }

  /** Audits the page as it is now (a dialog, an error summary), even if this path was checked before. */
  auditState(label: string): Promise<void> {
    return expectNoAxeViolations(this.page, label);
  }

  /** Waits for a live-region message (role=status or alert) containing text. */
  async announced(text: string | RegExp): Promise<void> {
    await this.page.locator('[role=status], [role=alert]').filter({ hasText: text }).first().waitFor();
  }

  /** A form field's own error message, tied to it by aria-describedby. */
  async fieldError(label: string | RegExp): Promise<string> {
    const field = this.page.getByLabel(label, { exact: typeof label === 'string' });
    const ids = ((await field.getAttribute('aria-describedby')) ?? '')
      .split(/\s+/)
      .filter((id) => id.endsWith('-error'));
    if (ids.length === 0) return '';
    return ((await this.page.locator(`[id="${ids[0]}"]`).textContent()) ?? '').trim();
  }

  /** Chooses the option of a <select> whose text starts with `text` (options may add an organisation). */
  async choose(select: Locator, text: string): Promise<void> {
    await select.waitFor();
    const options = await select
      .locator('option')
      .evaluateAll((els) =>
        els.map((el) => ({ value: (el as HTMLOptionElement).value, label: (el.textContent ?? '').trim() })),
      );
    const match = options.find((o) => o.label.startsWith(text));
    if (!match)
      throw new Error(`No option starting with "${text}" in ${options.map((o) => o.label).join(', ')}`);
    await select.selectOption(match.value);
  }

  errorSummary(): Locator {
    return this.page
      .getByRole('alert')
      .filter({ has: this.page.getByRole('heading', { name: 'There is a problem' }) });
  }
}

/** Pages behind sign-in share the banner: main navigation and sign out. */
export abstract class SignedInPage extends AppPage {
  async navigate(link: 'Home' | 'People' | 'Organisations' | 'Mail outbox' | 'Audit trail'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: link, exact: true })
      .click();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }
}
