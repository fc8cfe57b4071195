// The live meeting room as each participant sees it: the "now" band, the stage, the agenda and people.
import type { Locator } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

export class MeetingRoomPage extends SignedInPage {
  protected readonly path = /^\/meetings\/[^/]+\/room$/;
  protected readonly title = /meeting room$/;

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.connection().filter({ hasText: 'Connected' }).waitFor();
  }

  /** Opens the room without an audit: another participant's view of a screen already audited. */
  async open(path: string): Promise<this> {
    await this.page.goto(new URL(path, this.baseUrl).href);
    await this.ready();
    return this;
  }

  meetingId(): string {
    return new URL(this.page.url()).pathname.split('/')[2] ?? '';
  }

  connection(): Locator {
    return this.page.locator('p.connection');
  }

  nowBand(): Locator {
    return this.page.getByRole('region', { name: /./ }).filter({ has: this.page.locator('#now-heading') });
  }

  /** The stage (or "Gathering", "The meeting has ended") the room is at, as the band's heading says. */
  async now(): Promise<string> {
    return ((await this.page.locator('#now-heading').textContent()) ?? '').trim();
  }

  async waitForNow(text: string | RegExp): Promise<void> {
    await this.page.locator('#now-heading').filter({ hasText: text }).waitFor();
  }

  /** Waits until the band's second line (presenter · step) says text. */
  async waitForStep(text: string | RegExp): Promise<void> {
    await this.page.locator('.stagebar__sub').filter({ hasText: text }).waitFor();
  }

  async waitForPeopleHere(count: number): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: `In the room (${count})` }).waitFor();
  }

  /** The chair's one main button: "Start the meeting", "Next: …", "Next presenter: …". */
  async next(label: string | RegExp): Promise<void> {
    const button = this.page.getByRole('button', { name: label });
    await button.waitFor();
    await button.click();
  }

  /** Whoever runs the meeting can jump to any stage from the agenda. */
  async goToStage(title: string): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Agenda' })
      .getByRole('button', { name: new RegExp(`^${title}`) })
      .click();
    await this.waitForNow(title);
  }

  async currentAgendaItem(): Promise<string> {
    const item = this.page
      .getByRole('region', { name: 'Agenda' })
      .locator('[aria-current="step"] .agenda__title');
    return ((await item.textContent()) ?? '').trim();
  }

  async say(label: string, text: string, button: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(text);
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  /** The tag and value of the focused element: after sending, focus stays in the (emptied) field. */
  focused(): Promise<{ tag: string; value: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { tag: el?.tagName ?? '', value: el?.value ?? '' };
    });
  }

  async checkIn(text: string): Promise<void> {
    await this.say('Your check-in', text, 'Check in');
    await this.roundEntry('Check-ins', text).waitFor();
  }

  async checkOut(text: string, usefulness?: number): Promise<void> {
    if (usefulness) await this.page.getByRole('radio', { name: String(usefulness), exact: true }).check();
    await this.say('Your check-out', text, 'Check out');
    await this.roundEntry('Check-outs', text).waitFor();
  }

  roundEntry(list: 'Check-ins' | 'Check-outs', text: string): Locator {
    return this.page.getByRole('list', { name: list }).getByRole('listitem').filter({ hasText: text });
  }

  async bid(options: {
    minutes: number;
    urgency: 'Not pressing' | 'Fairly pressing' | 'Very pressing';
    problem?: string;
    reason?: string;
  }): Promise<void> {
    const form = this.page.locator('form.bid-form');
    await form.getByLabel('Minutes').fill(String(options.minutes));
    await form.getByRole('radio', { name: options.urgency }).check();
    if (options.problem) await form.getByLabel(/^Problem/).selectOption({ label: options.problem });
    if (options.reason) await form.getByLabel(/^Why now\?/).fill(options.reason);
    await form.getByRole('button', { name: 'Place bid' }).click();
    await form.getByRole('heading', { name: 'Your bid' }).waitFor();
  }

  /** The bids table, most pressing first: member names. */
  async bidders(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Bids for time, most pressing first' });
    return (await table.getByRole('rowheader').allTextContents()).map((s) => s.trim());
  }

  async proposedOrder(): Promise<string[]> {
    const names = this.page.getByRole('list', { name: 'Proposed order' }).locator('.order-editor__name');
    return (await names.evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ''))).map((s) =>
      s.trim(),
    );
  }

  async agreeOrder(): Promise<void> {
    await this.page.getByRole('button', { name: 'Agree this order' }).click();
    await this.page.getByText(/^Order agreed/).waitFor();
  }

  async ask(text: string, options: { expectCoach?: boolean } = {}): Promise<void> {
    const field = this.page.getByLabel(/^Your (clarifying )?question$/);
    await field.fill(text);
    if (options.expectCoach) {
      await this.coachHint().waitFor();
      return;
    }
    await this.page.getByRole('button', { name: 'Ask', exact: true }).click();
    await this.question(text).waitFor();
  }

  /** The question coach's polite live region, where its explanation appears (empty when it is quiet). */
  coachRegion(): Locator {
    return this.page.locator('.coach-hint [aria-live]');
  }

  /** The question coach's hint, once it speaks. */
  coachHint(): Locator {
    return this.coachRegion().filter({ hasText: 'Question coach:' });
  }

  /** The rewrites the hint offers, as their buttons' names ("Use this question: …"). */
  async coachRewrites(): Promise<string[]> {
    return this.page.getByRole('button', { name: /^Use this question: / }).allTextContents();
  }

  questionField(): Locator {
    return this.page.getByLabel(/^Your (clarifying )?question$/);
  }

  question(text: string): Locator {
    return this.page.locator('li.question').filter({ hasText: text });
  }

  /**
   * Edits a question from the keyboard: Edit opens the inline form with focus in the field, Enter saves,
   * and focus comes back to the item's Edit button. Returns once the new text is on this screen.
   */
  async editQuestion(from: string, to: string): Promise<void> {
    await this.openEditor(this.question(from));
    const field = this.page.getByLabel('Edit the question', { exact: true });
    await field.fill(to);
    await field.press('Enter');
    await this.question(to).waitFor();
  }

  /** Edits an action's text and due date, saving with Enter from the text field. */
  async editAction(
    from: string,
    to: string,
    dueOn: string,
    options: { whileOpen?: () => Promise<void> } = {},
  ): Promise<void> {
    await this.openEditor(this.actionItem(from));
    const field = this.page.getByLabel('Edit the action', { exact: true });
    await field.fill(to);
    await this.page.locator('form.edit-form').getByLabel(/^Due/).fill(dueOn);
    await options.whileOpen?.();
    await field.press('Enter');
    await this.actionItem(to).waitFor();
  }

  /** Focuses the item's Edit button and presses Enter, as a keyboard user would; the field gets focus. */
  async openEditor(item: Locator): Promise<void> {
    // The name is "Edit" and, for screen readers, the item's text after it.
    await item.getByRole('button', { name: /^Edit\b/ }).focus();
    await this.page.keyboard.press('Enter');
    await this.page.locator('form.edit-form textarea, form.edit-form input[type=text]').waitFor();
  }

  /** The accessible name of the focused element (its text, for a button). */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
  }

  actionItem(text: string): Locator {
    return this.page.locator('.action-list__item').filter({ hasText: text });
  }

  async markStruckHome(text: string): Promise<void> {
    const button = this.question(text).getByRole('button', { name: 'Struck home' });
    await button.click();
    await this.question(text).and(this.page.locator('.is-struck')).waitFor();
  }

  async reframe(statement: string): Promise<void> {
    await this.page.getByLabel('Your problem as you see it now').fill(statement);
    await this.page.getByRole('button', { name: 'Restate my problem' }).click();
    await this.page.locator('.problem-card__statement').filter({ hasText: statement }).waitFor();
  }

  async addAction(text: string, dueOn: string): Promise<void> {
    await this.page.getByLabel('An action you commit to').fill(text);
    await this.page.getByLabel(/^Due/).fill(dueOn);
    await this.page.getByRole('button', { name: 'Add action' }).click();
    await this.page.locator('.action-list__item').filter({ hasText: text }).waitFor();
  }

  async actions(): Promise<string[]> {
    return (await this.page.locator('.action-list__text').allTextContents()).map((s) => s.trim());
  }

  async giveFeedback(text: string): Promise<void> {
    await this.page.getByLabel('Your feedback on the process').fill(text);
    await this.page.getByRole('button', { name: 'Give feedback' }).click();
    await this.page.locator('.feedback-block__text').filter({ hasText: text }).waitFor();
  }

  async addReviewNote(text: string): Promise<void> {
    await this.page.getByLabel('A note for the set').fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
    await this.page
      .getByRole('list', { name: 'Process-review notes' })
      .getByText(text, { exact: true })
      .waitFor();
  }

  async endMeeting(): Promise<void> {
    await this.page.getByRole('button', { name: 'End the meeting' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'End the meeting?' });
    await dialog.getByRole('button', { name: 'End the meeting' }).click();
    await this.waitForNow('The meeting has ended');
  }

  /** Report back: the actions listed for one owner ("Your actions" or "<name>'s actions"). */
  async reportBackItems(owner: string): Promise<string[]> {
    const section = this.page.getByRole('region', { name: owner });
    return (await section.locator('.report-item__text').allTextContents()).map((s) => s.trim());
  }

  async reportOutcome(
    action: string,
    outcome: 'Done' | 'Partly done' | 'Not done' | 'Dropped',
    learned?: string,
  ): Promise<void> {
    const item = this.page.locator('li.report-item').filter({ hasText: action });
    await item.getByRole('radio', { name: outcome, exact: true }).check();
    if (learned) await item.getByLabel(/^What did you learn\?/).fill(learned);
    await item.getByRole('button', { name: /^Record outcome/ }).click();
    await item.locator('.badge').filter({ hasText: outcome }).waitFor();
  }

  async raiseHand(): Promise<void> {
    await this.page.getByRole('button', { name: 'Raise hand' }).click();
    await this.page.getByRole('button', { name: /^Lower hand/ }).waitFor();
  }

  speakingQueue(): Locator {
    return this.page.getByRole('list', { name: 'Raised hands, first raised first' });
  }
}
