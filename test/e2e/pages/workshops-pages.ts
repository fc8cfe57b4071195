// Workshops: the programme's Workshops tab, the plan form, a workshop's page, and "My actions".
import type { Locator } from 'playwright-core';
import { SignedInPage } from './app-page.ts';

/** /programmes/:id/workshops: the list, and "Plan a workshop" for the coordinator. */
export class ProgrammeWorkshopsPage extends SignedInPage {
  protected readonly path = /^\/programmes\/[^/]+\/workshops$/;

  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  protected override async ready(): Promise<void> {
    await super.ready();
    await this.page.getByRole('heading', { level: 2, name: 'Workshops' }).waitFor();
  }

  async plan(): Promise<void> {
    await this.page.getByRole('link', { name: 'Plan a workshop' }).click();
    await this.page.getByRole('heading', { level: 2, name: 'Plan a workshop' }).waitFor();
    await this.checkAccessibility('the plan-a-workshop form');
  }

  /** Fills the plan form (dated by a poll over `options`) and submits it. */
  async fillAndSubmit(w: {
    title: string;
    themes: string[];
    options: string[];
    place: string;
    agenda: string;
    facilitator: string;
    capacity: number;
  }): Promise<void> {
    const p = this.page;
    await p.getByLabel('Title', { exact: true }).fill(w.title);
    for (const theme of w.themes) await p.getByLabel(theme, { exact: true }).check();
    await p.getByLabel('How the date is set').selectOption({ label: 'Ask everyone through a poll' });
    for (const [i, option] of w.options.entries()) await p.getByLabel(`Time ${i + 1}`).fill(option);
    await p.getByLabel(/^Place/).fill(w.place);
    await p.getByLabel(/^Agenda/).fill(w.agenda);
    await p.getByLabel('Who facilitates').selectOption({ label: w.facilitator });
    await p.getByLabel(/^Capacity/).fill(String(w.capacity));
    await p.getByRole('button', { name: 'Plan the workshop' }).click();
  }
}

/** /workshops/:id: when and where, RSVP, attendance, notes and materials, my private actions. */
export class WorkshopPage extends SignedInPage {
  protected readonly path = /^\/workshops\/[^/]+$/;

  constructor(
    page: ConstructorParameters<typeof SignedInPage>[0],
    baseUrl: string,
    protected readonly title: string,
  ) {
    super(page, baseUrl);
  }

  state(): Locator {
    return this.page.locator('.page-header .badge, header .badge').first();
  }

  rsvpButton(answer: 'Coming' | 'Not coming' | 'Maybe'): Locator {
    return this.page
      .getByRole('region', { name: 'Are you coming?' })
      .getByRole('button', { name: answer, exact: true });
  }

  async rsvp(answer: 'Coming' | 'Not coming' | 'Maybe'): Promise<void> {
    await this.rsvpButton(answer).click();
    await this.page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent === name),
      answer,
    );
  }

  /** The same, by keyboard alone: Tab from the page's start to the button, then Space. */
  async rsvpByKeyboard(answer: 'Coming' | 'Not coming' | 'Maybe'): Promise<void> {
    const target = this.rsvpButton(answer);
    await this.page.locator('body').focus();
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) break;
    }
    await this.page.keyboard.press('Space');
    await this.page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent === name),
      answer,
    );
  }

  counts(): Promise<string> {
    return this.page
      .getByRole('region', { name: 'Are you coming?' })
      .locator('p')
      .first()
      .textContent()
      .then((s) => (s ?? '').trim());
  }

  async recordAttendance(present: string[]): Promise<void> {
    const form = this.page.getByRole('group', { name: 'Who came' });
    for (const name of present) await form.getByLabel(name, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Save attendance' }).click();
    await this.announced('Attendance saved.');
  }

  async writeNotes(notes: string): Promise<void> {
    await this.page.getByLabel('Notes', { exact: true }).fill(notes);
    await this.page.getByRole('button', { name: 'Save the notes' }).click();
    await this.page
      .locator('.workshop-notes')
      .filter({ hasText: notes.split('\n')[0]! })
      .waitFor();
  }

  async addMaterial(title: string, url: string): Promise<void> {
    await this.page.getByLabel('Material’s name').fill(title);
    await this.page.getByLabel('Link', { exact: true }).fill(url);
    await this.page.getByRole('button', { name: 'Add the material' }).click();
    await this.page.getByRole('link', { name: title }).waitFor();
  }

  /** Notes a private action by keyboard alone: into the field, type, Tab to the button, Enter. */
  async addActionByKeyboard(text: string): Promise<void> {
    await this.page.getByLabel('An action you will take').focus();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Enter');
    await this.page
      .getByRole('region', { name: 'Your actions from this workshop' })
      .getByText(text, { exact: true })
      .waitFor();
  }
}

/** /me/actions: set actions, and below them those from workshops. */
export class MyActionsPage extends SignedInPage {
  protected readonly path = /^\/me\/actions$/;
  protected readonly title = 'My actions';

  workshopActions(): Locator {
    return this.page.getByRole('region', { name: /^From workshops/ });
  }
}
