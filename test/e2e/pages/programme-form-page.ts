import { SignedInPage } from './app-page.ts';

export interface ProgrammeDetails {
  name: string;
  theme?: string;
  purpose?: string;
  startsOn?: string;
  endsOn?: string;
  status?: string;
  minSize?: number;
  maxSize?: number;
}

export class NewProgrammePage extends SignedInPage {
  protected readonly path = /^\/programmes\/new$/;
  protected readonly title = 'New programme';

  async create(details: ProgrammeDetails): Promise<void> {
    const p = this.page;
    await p.getByLabel('Programme name').fill(details.name);
    if (details.theme) await p.getByLabel(/^Theme/).fill(details.theme);
    if (details.purpose) await p.getByLabel(/^Purpose/).fill(details.purpose);
    if (details.startsOn) await p.getByLabel(/^Starts on/).fill(details.startsOn);
    if (details.endsOn) await p.getByLabel(/^Ends on/).fill(details.endsOn);
    if (details.status) await p.getByLabel('Status').selectOption({ label: details.status });
    if (details.minSize) await p.getByLabel('Smallest').fill(String(details.minSize));
    if (details.maxSize) await p.getByLabel('Largest').fill(String(details.maxSize));
    await p.getByRole('button', { name: 'Create programme' }).click();
  }
}
