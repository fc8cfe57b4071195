// Pulses and the programme review: the pulse under a held meeting, the programme's Review tab, a review
// (builder or questionnaire) and its report.
import type { Locator, Page } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

/** A set's Meetings tab, as far as the pulse under each held meeting goes. */
export class SetMeetingsPulsePage extends SignedInPage {
  protected readonly path = /^\/sets\/[^/]+\/meetings$/;
  protected readonly title = /.+/;

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.pulse().waitFor();
  }

  pulse(): Locator {
    return this.page.getByRole('region', { name: 'Pulse after this meeting' }).first();
  }

  /** Answers by keyboard alone: arrow keys move within each radio group, Tab moves on. */
  async answerByKeyboard(useful: number, safe: number, comment: string): Promise<void> {
    const first = this.pulse().getByRole('radio', { name: /^1/ }).first();
    await first.focus();
    await this.page.keyboard.press('Space');
    for (let i = 1; i < useful; i++) await this.page.keyboard.press('ArrowRight');
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Space');
    for (let i = 1; i < safe; i++) await this.page.keyboard.press('ArrowRight');
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(comment);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Enter');
    await this.announced('Your pulse is saved.');
  }

  async summary(): Promise<string> {
    return ((await this.pulse().locator('.pulse-summary').textContent()) ?? '').trim();
  }
}

/** The programme's Review tab. */
export class ReviewsTabPage extends SignedInPage {
  protected readonly path = /^\/programmes\/[^/]+\/reviews$/;

  constructor(
    page: Page,
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  async start(title: string): Promise<void> {
    await this.page.getByLabel('Title').fill(title);
    await this.page.getByLabel('When in the programme').selectOption('end');
    await this.page.getByRole('button', { name: 'Start from the template' }).click();
  }
}

/** One review: the coordinator's builder, or a participant's questionnaire. */
export class ReviewPage extends SignedInPage {
  protected readonly path = /^\/reviews\/[^/]+$/;

  constructor(
    page: Page,
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  async setDates(opens: string, closes: string): Promise<void> {
    await this.page.getByLabel('Opens at').fill(opens);
    await this.page.getByLabel('Closes at').fill(closes);
    await this.page.getByRole('button', { name: 'Save the review' }).click();
    await this.announced('The review is saved.');
  }

  async pick(question: string, option: string): Promise<void> {
    await this.page.getByRole('group', { name: question }).getByRole('radio', { name: option }).check();
  }

  async write(question: string, text: string, quotable: boolean): Promise<void> {
    const field = this.page.getByLabel(question);
    await field.fill(text);
    if (quotable)
      await this.page.locator('.review-question').filter({ has: field }).getByLabel('May be quoted').check();
  }

  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send my answers' }).click();
    await this.announced('Thank you: your answers are saved.');
  }
}

/** The review's report. */
export class ReportPage extends SignedInPage {
  protected readonly path = /^\/reviews\/[^/]+\/report$/;

  constructor(
    page: Page,
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('heading', { name: 'Response rate' }).waitFor();
  }

  /** The drawn charts, each an image named by its summary; waits until ECharts has drawn the first. */
  async charts(): Promise<Locator> {
    await this.page.locator('[data-chart] svg').first().waitFor();
    return this.page.locator('[data-chart]');
  }

  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: 'Publish to all participants' }).click();
    await this.announced('The report is published to all participants.');
  }

  text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}
