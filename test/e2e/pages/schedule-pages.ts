// Schedules: a set's schedule tab, a new slot poll, a new programme-wide poll, a poll, a person's upcoming view and calendar feed.
import type { Locator } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

export type PollAnswer = 'Yes' | 'If need be' | 'No';

/** /sets/:id/schedule: each meeting, how many are expected, and the apologies sent. */
export class SetSchedulePage extends SignedInPage {
  protected readonly path = /^\/sets\/[^/]+\/schedule$/;

  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('heading', { level: 2, name: 'Schedule and attendance' }).waitFor();
  }

  async findRegularSlot(): Promise<void> {
    await this.page.getByRole('link', { name: 'Find a regular slot' }).click();
  }

  /** Opens the series form, audits it, and changes the regular time from the meeting on `date`. */
  async changeRegularTime(change: { date: string; time: string }): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Change the regular time' }).click();
    await this.auditState('the series form, open');
    await p.getByLabel('From the meeting on').fill(change.date);
    await p.getByLabel('Start time').fill(change.time);
    await p.getByRole('button', { name: 'Change the series' }).click();
    await this.announced(/^The series is changed\./);
  }

  /** Rows of the meetings table as [when, expected, apologies], as a reader sees them. */
  async rows(): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: 'Meetings and expected attendance' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').all();
    return Promise.all(
      rows.map(async (row) =>
        (await row.getByRole('cell').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim()),
      ),
    );
  }
}

/** /sets/:id/polls/new: propose first-meeting times in a zone, every so many weeks, until a date. */
export class NewPollPage extends SignedInPage {
  protected readonly path = /^\/sets\/[^/]+\/polls\/new$/;
  protected readonly title = "Find the set's regular slot";

  async ask(poll: {
    timeZone: string;
    options: string[];
    everyWeeks: number;
    hours: number;
    until: string;
  }): Promise<void> {
    const p = this.page;
    await p.getByLabel('Time zone of these times').selectOption(poll.timeZone);
    for (const [i, option] of poll.options.entries())
      await p.getByLabel(`Option ${i + 1}`, { exact: true }).fill(option);
    await p.getByLabel('Meet every how many weeks').fill(String(poll.everyWeeks));
    await p.getByLabel('Length').selectOption(String(poll.hours * 60));
    await p.getByLabel('Last possible date').fill(poll.until);
    await p.getByRole('button', { name: 'Ask the set' }).click();
  }
}

/**
 * /programmes/:id/calendar/polls/new (under the Calendar tab): a title, candidate dates in a zone, a
 * length and a place, for everyone in the programme's sets.
 */
export class NewProgrammePollPage extends SignedInPage {
  protected readonly path = /^\/programmes\/[^/]+\/calendar\/polls\/new$/;

  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    /** The programme's name: the page's level-1 heading, with the form under its Calendar tab. */
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('heading', { level: 2, name: 'Propose a programme date' }).waitFor();
  }

  option(n: number): Locator {
    return this.page.getByLabel(`Option ${n}`, { exact: true });
  }

  /** Adds a candidate time from the keyboard: Enter on the button, and focus lands on the new field. */
  async addOptionByKeyboard(): Promise<void> {
    const add = this.page.getByRole('button', { name: 'Add another time' });
    await add.focus();
    await this.page.keyboard.press('Enter');
  }

  async removeOptionByKeyboard(n: number): Promise<void> {
    await this.page.getByRole('button', { name: `Remove option ${n}` }).focus();
    await this.page.keyboard.press('Enter');
  }

  async fill(poll: { title: string; timeZone: string; options: string[]; place?: string }): Promise<void> {
    const p = this.page;
    await p.getByLabel('Poll title').fill(poll.title);
    await p.getByLabel('Time zone of these times').selectOption(poll.timeZone);
    for (const [i, option] of poll.options.entries()) await this.option(i + 1).fill(option);
    if (poll.place) await p.getByLabel(/^Place/).fill(poll.place);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ask the programme' }).click();
  }
}

/** /polls/:id: one group of yes / if need be / no per option, its tally, and the organiser's confirm buttons. */
export class PollPage extends SignedInPage {
  protected readonly path = /^\/polls\/[^/]+$/;

  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  /** The option whose time (as this reader sees it) starts with `when`, e.g. "Wed, Mar 3, 2027, 16:00–18:00". */
  option(when: string): Locator {
    return this.page
      .locator('li[data-option]')
      .filter({ has: this.page.locator('.poll-option__title', { hasText: when }) });
  }

  /** Every option's time, as this reader sees it, with its badges (Suggested, Chosen). */
  async optionLabels(): Promise<string[]> {
    const titles = await this.page.locator('.poll-option__title').allTextContents();
    return titles.map((s) => s.replace(/\s+/g, ' ').trim());
  }

  /** Every option's time alone, as this reader sees it. */
  async optionTimes(): Promise<string[]> {
    return (await this.optionLabels()).map((s) => s.replace(/\s*(Suggested|Chosen)/g, ''));
  }

  async answer(answers: Record<string, PollAnswer>): Promise<void> {
    for (const [when, answer] of Object.entries(answers))
      await this.page
        .getByRole('group', { name: new RegExp(`^${escapeRegExp(when)}`) })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    await this.page.getByRole('button', { name: 'Save my answers' }).click();
    await this.announced('Your answers are saved.');
  }

  async tally(when: string): Promise<string> {
    return ((await this.option(when).locator('.poll-option__tally').textContent()) ?? '').trim();
  }

  async confirm(when: string): Promise<void> {
    await this.page.getByRole('button', { name: `Confirm ${when}` }).click();
    await this.page.getByText('Decided', { exact: true }).waitFor();
  }
}

/** /upcoming: my next meetings in my zone, apologies, my calendar feed. */
export class UpcomingPage extends SignedInPage {
  protected readonly path = /^\/upcoming$/;
  protected readonly title = 'Upcoming';

  meetings(): Locator {
    return this.page.getByRole('region', { name: 'Next meetings' }).getByRole('listitem');
  }

  /** Each meeting's time line as shown, e.g. "Thu, Mar 4, 2027, 08:00–10:00 (Australia/Sydney)". */
  async meetingTimes(): Promise<string[]> {
    await this.meetings().first().waitFor();
    return (await this.meetings().locator('.meeting-time').allTextContents()).map((s) => s.trim());
  }

  meeting(when: string): Locator {
    return this.meetings().filter({ has: this.page.locator('.meeting-time', { hasText: when }) });
  }

  async sendApologies(when: string, note: string): Promise<void> {
    const item = this.meeting(when);
    await item.getByLabel(/^Note to the set/).fill(note);
    await item.getByRole('button', { name: 'Send apologies' }).click();
    await item.getByText('Apologies sent').waitFor();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
