// The set's working pages (meetings, problems), a meeting record, and a person's actions.
import type { Locator } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

abstract class SetTabPage extends SignedInPage {
  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  /** Opens the page without an audit: the same layout as one already audited, seen by someone else. */
  async open(path: string): Promise<this> {
    await this.page.goto(new URL(path, this.baseUrl).href);
    await this.ready();
    return this;
  }

  async tab(name: 'Overview' | 'Meetings' | 'Schedule' | 'Problems' | 'Actions' | 'Journal'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Set' }).getByRole('link', { name, exact: true }).click();
  }
}

export class MeetingsTabPage extends SetTabPage {
  protected readonly path = /^\/sets\/[^/]+\/meetings$/;

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('heading', { level: 2, name: 'Upcoming meetings' }).waitFor();
  }

  async schedule(details: {
    date: string;
    time: string;
    timeZone: string;
    place?: string;
    hours?: number;
  }): Promise<void> {
    const p = this.page;
    await p.getByLabel('Date', { exact: true }).fill(details.date);
    await p.getByLabel('Start time').fill(details.time);
    if (details.hours) await p.getByLabel('Length').selectOption({ label: `${details.hours} hours` });
    await p.getByLabel('Time zone of the meeting').selectOption(details.timeZone);
    if (details.place) await p.getByLabel(/^Place/).fill(details.place);
    await p.getByRole('button', { name: 'Schedule meeting' }).click();
    await this.announced(/^Meeting scheduled: /);
  }

  upcoming(): Locator {
    return this.page.getByRole('region', { name: 'Upcoming meetings' }).locator('li.meeting-card');
  }

  /** The meeting card whose heading is `day`, e.g. "Thu, 21 Jan 2027". */
  card(index: number): Locator {
    return this.upcoming().nth(index);
  }

  async roomLink(index: number): Promise<string> {
    return (
      (await this.card(index)
        .getByRole('link', { name: /meeting room|Join the meeting/ })
        .getAttribute('href')) ?? ''
    );
  }

  async sendApologies(index: number, note: string): Promise<void> {
    const card = this.card(index);
    await card.getByRole('button', { name: 'Send apologies' }).click();
    await card.getByLabel(/^A note for the set/).fill(note);
    await card.getByRole('button', { name: 'Send apologies' }).click();
    await card.getByText('You have sent apologies.').waitFor();
  }

  async attendanceOf(index: number, name: string): Promise<string> {
    const row = this.card(index).locator('.attendance-list li').filter({ hasText: name });
    return ((await row.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }
}

export class ProblemsTabPage extends SetTabPage {
  protected readonly path = /^\/sets\/[^/]+\/problems$/;

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page
      .getByRole('heading', { level: 2, name: /problems$/ })
      .first()
      .waitFor();
  }

  async bring(problem: {
    title: string;
    story: string;
    checks: ('It is real' | 'It is current' | 'It is open-ended' | 'It is mine to act on')[];
  }): Promise<void> {
    const p = this.page;
    await p.getByLabel('Title', { exact: true }).fill(problem.title);
    await p.getByLabel('The problem as you see it now').fill(problem.story);
    await p.getByRole('radio', { name: 'How I operate at work' }).check();
    for (const check of problem.checks) await p.getByRole('checkbox', { name: check }).check();
    await p.getByRole('button', { name: 'Bring this problem' }).click();
    await this.announced(`“${problem.title}” is now one of your problems.`);
  }

  myProblem(title: string): Locator {
    return this.page
      .getByRole('region', { name: 'Your problems' })
      .locator('li.problem')
      .filter({ hasText: title });
  }
}

export class JournalTabPage extends SetTabPage {
  protected readonly path = /^\/sets\/[^/]+\/journal$/;

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('heading', { level: 2, name: 'A new journal entry' }).waitFor();
  }

  /** Writes an entry; `answers` maps prompt labels to text. */
  async write(answers: Record<string, string>, options: { share?: boolean } = {}): Promise<void> {
    for (const [label, text] of Object.entries(answers))
      await this.page.getByLabel(label, { exact: true }).fill(text);
    if (options.share)
      await this.page.getByRole('checkbox', { name: 'Share this entry with my set' }).check();
    await this.page.getByRole('button', { name: 'Save entry' }).click();
    await this.announced(/^Your entry is saved/);
  }

  entries(section: 'Your entries' | 'Shared with the set'): Locator {
    return this.page.getByRole('region', { name: section }).locator('li.journal-entry');
  }
}

export class ActionsTabPage extends SetTabPage {
  protected readonly path = /^\/sets\/[^/]+\/actions$/;

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('heading', { level: 2, name: "The set's actions" }).waitFor();
  }

  /** The actions listed under one owner ("Your actions" or their name). */
  owner(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }
}

export class MeetingRecordPage extends SignedInPage {
  protected readonly path = /^\/meetings\/[^/]+\/record$/;
  protected readonly title = /^Meeting record, /;

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('link', { name: 'Download as Markdown' }).waitFor();
  }

  section(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  async download(format: 'Markdown' | 'PDF' = 'Markdown'): Promise<{ href: string; filename: string }> {
    const link = this.page.getByRole('link', { name: `Download as ${format}` });
    return {
      href: (await link.getAttribute('href')) ?? '',
      filename: (await link.getAttribute('download')) ?? '',
    };
  }
}

export class MyActionsPage extends SignedInPage {
  protected readonly path = /^\/me\/actions$/;
  protected readonly title = 'My actions';

  card(text: string): Locator {
    return this.page.locator('li.action-card').filter({ hasText: text });
  }
}
