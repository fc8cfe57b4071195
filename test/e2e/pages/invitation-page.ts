import { AppPage } from './app-page.ts';

/** Where an invitation mail's link leads. */
export class InvitationPage extends AppPage {
  protected readonly path = /^\/invitation\/[^/]+$/;
  protected readonly title = /^Join /;

  async accept(password: string): Promise<void> {
    await this.page.getByLabel('Choose a password').fill(password);
    await this.page.getByLabel('Type the password again').fill(password);
    await this.page.getByRole('button', { name: 'Create my account' }).click();
  }
}
