import { AppPage } from './app-page.ts';

export interface HostDetails {
  hostName: string;
  adminName: string;
  email: string;
  password: string;
}

/** First run on an empty installation. */
export class SetupPage extends AppPage {
  protected readonly path = /^\/setup$/;
  protected readonly title = 'Set up Revans';

  async complete(details: HostDetails): Promise<void> {
    const p = this.page;
    await p.getByLabel('Name of your organisation or network').fill(details.hostName);
    await p.getByLabel('Time zone').selectOption('Europe/London');
    await p.getByLabel('Your full name').fill(details.adminName);
    await p.getByLabel('Your email address').fill(details.email);
    await p.getByLabel('Choose a password').fill(details.password);
    await p.getByLabel('Type the password again').fill(details.password);
    await p.getByRole('button', { name: 'Set up Revans' }).click();
  }
}
