import { AppPage } from './app-page.ts';

export class SignInPage extends AppPage {
  protected readonly path = /^\/sign-in$/;
  protected readonly title = 'Sign in';

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
