// The question coach's switches and figures on a set's Meetings tab.
import type { Locator, Page } from 'playwright-core';

export class CoachPanel {
  constructor(private readonly page: Page) {}

  region(): Locator {
    return this.page.getByRole('region', { name: 'Question coach' });
  }

  setSwitch(): Locator {
    return this.page.getByLabel('Coach on for this set');
  }

  mySwitch(): Locator {
    return this.page.getByLabel(/^Show me the coach's hints/);
  }

  /** Switches the coach for the whole set and waits for the server to say it is saved. */
  async switchSet(on: boolean): Promise<void> {
    const box = this.setSwitch();
    if ((await box.isChecked()) !== on) await box.click();
    await this.region().getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    if ((await box.isChecked()) !== on) throw new Error('the set switch did not move');
  }

  /** The set's table of open questions per meeting (the chart's text alternative). */
  sharesTable(): Locator {
    return this.page.getByRole('table', { name: 'Share of open questions per meeting' });
  }

  myTable(): Locator {
    return this.page.getByRole('table', { name: 'Your questions per meeting, and how many were open' });
  }
}
