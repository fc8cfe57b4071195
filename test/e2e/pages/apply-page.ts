import { AppPage } from './app-page.ts';

export interface Applicant {
  name: string;
  email: string;
  organisation: string;
  role: string;
  themes: string;
  languages: string;
  timeZone: string;
  /** Labels of the availability checkboxes, e.g. "Tuesday morning". */
  availability: string[];
  hopes: string;
  mustAvoid?: string;
}

/** The application form behind the open link or an emailed invitation to apply; no account needed. */
export class ApplyPage extends AppPage {
  protected readonly path = /^\/apply\/[^/]+$/;
  protected readonly title = /^Apply to /;

  /** The consent statements exactly as the form shows them. */
  async consentWording(): Promise<string[]> {
    return (await this.page.locator('.consent-text').allTextContents()).map((s) => s.trim());
  }

  /** Fills every answer; identity only when the form asks (not for an invited or signed-in person). */
  async fill(a: Applicant): Promise<void> {
    const p = this.page;
    if (await p.getByLabel('Your name').count()) {
      await p.getByLabel('Your name').fill(a.name);
      await p.getByLabel('Your email address').fill(a.email);
    }
    await p.getByLabel('Organisation', { exact: true }).fill(a.organisation);
    await p.getByLabel('Your role').fill(a.role);
    await p.getByLabel(/^Themes you care about/).fill(a.themes);
    await p.getByLabel(/^What you hope to bring/).fill(a.hopes);
    // Languages are ticked by name ("en, fr" -> English, French).
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const code of a.languages
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean))
      await p.getByRole('checkbox', { name: names.of(code), exact: true }).check();
    await p.getByLabel('Your time zone').selectOption(a.timeZone);
    for (const slot of a.availability) await p.getByRole('checkbox', { name: slot, exact: true }).check();
    if (a.mustAvoid) await p.getByLabel(/^Anyone you must not share a set with/).fill(a.mustAvoid);
  }

  async consentToAll(): Promise<void> {
    await this.page.getByLabel('I agree to the ground rules').check();
    await this.page.getByLabel('I agree to keep what is said in my set confidential').check();
    await this.page.getByLabel('I agree to my information being used in this way').check();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send my application' }).click();
  }

  async thanked(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Thank you for applying' }).waitFor();
    await this.auditState('application sent');
  }
}
