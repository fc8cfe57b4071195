import { SignedInPage } from './app-page.ts';

export interface NewPerson {
  name: string;
  email: string;
  organisation?: string;
  jobRole?: string;
}

/** The host's people: list, add, invite. */
export class PeoplePage extends SignedInPage {
  protected readonly path = /^\/people$/;
  protected readonly title = 'People';

  /** Goes to the form, fills it, saves, and comes back to this list (audited on each arrival). */
  async add(person: NewPerson): Promise<void> {
    await this.page.getByRole('link', { name: 'Add person' }).first().click();
    await new NewPersonPage(this.page, this.baseUrl).arrived().then((form) => form.fill(person));
    await this.arrived();
    await this.announced(`${person.name} was added.`);
  }

  async accountStatus(name: string): Promise<string> {
    const row = this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
    return ((await row.getByRole('cell').nth(2).textContent()) ?? '').trim();
  }
}

export class NewPersonPage extends SignedInPage {
  protected readonly path = /^\/people\/new$/;
  protected readonly title = 'Add a person';

  async fill(person: NewPerson): Promise<void> {
    const p = this.page;
    await p.getByLabel('Full name').fill(person.name);
    await p.getByLabel('Email address').fill(person.email);
    if (person.organisation) await p.getByLabel(/^Organisation/).selectOption({ label: person.organisation });
    if (person.jobRole) await p.getByLabel(/^Job role/).fill(person.jobRole);
    await p.getByRole('button', { name: 'Add person' }).click();
  }
}
