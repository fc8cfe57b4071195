import type { Locator } from 'playwright-core';
import { ProgrammePage } from './programme-page.ts';

/** A programme's Formation tab: proposed sets a coordinator adjusts, locks and publishes. */
export class FormationPage extends ProgrammePage {
  async propose(): Promise<void> {
    await this.page.getByRole('button', { name: 'Propose sets' }).click();
    await this.page.getByRole('heading', { level: 2, name: 'Proposed sets' }).waitFor();
    await this.auditState('formation board');
  }

  /** The proposed set's card, found by its heading ("Set 1"). */
  set(name: string): Locator {
    return this.page
      .getByRole('list', { name: 'Proposed sets' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  async membersOf(name: string): Promise<string[]> {
    const names = await this.page
      .getByRole('list', { name: `People in ${name}` })
      .locator('.person-chip__name')
      .allTextContents();
    return names.map((s) => s.trim()).sort();
  }

  async totalScore(): Promise<string> {
    return ((await this.page.getByTestId('total-score').textContent()) ?? '').trim();
  }

  async setScore(name: string): Promise<string> {
    return ((await this.set(name).locator('.score__value').textContent()) ?? '').trim();
  }

  /**
   * Moves a person with the keyboard only: focus "Move", open it, arrow to the destination, press Enter.
   * Returns the chosen option's text, with the score it previewed.
   */
  async moveByKeyboard(person: string, destination: string): Promise<string> {
    const trigger = this.page.getByRole('button', { name: `Move ${person}…` });
    await trigger.focus();
    await this.page.keyboard.press('Enter');
    const list = this.page.getByRole('list', { name: `Where to move ${person}` });
    await list.waitFor();
    await this.auditState('move menu open');
    const options = (await list.getByRole('button').allTextContents()).map((s) => s.trim());
    const at = options.findIndex((o) => o.startsWith(destination));
    if (at < 0) throw new Error(`"${destination}" is not among ${options.join(', ')}`);
    for (let i = 0; i < at; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.announced(new RegExp(`^${person} moved to `));
    return options[at]!;
  }

  /** Drags a person's chip onto another set's card with the mouse (native HTML5 drag and drop). */
  async drag(person: string, destination: string): Promise<void> {
    const chip = this.page.locator('.person-chip', { hasText: person });
    await chip.dragTo(this.set(destination).locator('.score'));
    await this.announced(new RegExp(`^${person} moved to ${destination}`));
  }

  async lock(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Lock ${name}` }).click();
    await this.set(name).getByText('Locked', { exact: true }).waitFor();
  }

  async proposeAgain(): Promise<void> {
    await this.page.getByRole('button', { name: 'Propose again for unlocked sets' }).click();
    await this.announced(/^New proposal for the unlocked sets/);
  }

  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: 'Publish sets' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Publish these sets?' });
    await dialog.waitFor();
    await this.auditState('publish dialog');
    await dialog.getByRole('button', { name: 'Publish and email members' }).click();
  }
}
