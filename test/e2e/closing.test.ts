// Closing the year: the coordinator closes the programme (after a confirmation), the set is frozen, a
// member downloads her own content and all her data; the host admin sets the retention and erases a
// person who asked, naming them to confirm. Every page is checked with axe.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, saveScreenshot, screenshotOnFailure } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { addPersonWithAccount, password, setUpHost } from './pages/api-setup.ts';
import { ClosingProgrammePage, DataPage, PersonPage } from './pages/closing-pages.ts';
import { SignInPage } from './pages/sign-in-page.ts';

describe('closing a programme, and people’s data', () => {
  let journey: JourneyServer;
  let browser: Browser;
  const ids = { programme: '', set: '', amara: '', bo: '' };

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: false });
    browser = await launchBrowser();
    const { server } = journey;
    const origin = journey.baseUrl;
    const host = await setUpHost(server, origin);
    const { call, admin } = host;
    const person = (name: string, email: string) => addPersonWithAccount(host, { name, email });
    ids.amara = await person('Amara Okafor', 'amara@example.org');
    ids.bo = await person('Bo Lindqvist', 'bo@example.org');
    ids.programme = (
      await call('POST', `/api/hosts/${host.hostId}/programmes`, { name: 'Leading Learning 2027' }, admin)
    ).body.id;
    ids.set = (
      await call('POST', `/api/programmes/${ids.programme}/sets`, { name: 'Set Kestrel' }, admin)
    ).body.id;
    for (const id of [ids.amara, ids.bo])
      await call('POST', `/api/sets/${ids.set}/members`, { personId: id }, admin);
    await server.ctx.store.plain
      .updateTable('programme')
      .set({ status: 'running' })
      .where('id', '=', ids.programme)
      .execute();
    const amara = await call('POST', '/api/auth/sign-in/email', { email: 'amara@example.org', password });
    await call(
      'POST',
      `/api/sets/${ids.set}/problems`,
      {
        title: 'Volunteers leave in their first month',
        story: 'Half of them are gone within four weeks.',
        kind: 'how-i-operate',
        intake: { real: true, current: true, openEnded: true, mineToActOn: true },
      },
      amara.cookies,
    );
    await call(
      'POST',
      `/api/sets/${ids.set}/actions`,
      { text: 'Phone three volunteers who left' },
      amara.cookies,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await journey?.close();
  });

  it('closes the programme, lets the member take her content, and erases a person by name', async () => {
    const ada = await newPage(browser);
    screenshotOnFailure(ada);
    await new SignInPage(ada, journey.baseUrl)
      .goto('/sign-in')
      .then((p) => p.signIn('ada@example.org', password));
    await ada.waitForURL((url) => url.pathname === '/');

    const settings = await new ClosingProgrammePage(ada, journey.baseUrl, 'Leading Learning 2027').goto(
      `/programmes/${ids.programme}/settings`,
    );
    await settings.close();
    await settings.banner().waitFor();
    await saveScreenshot(ada, 'programme-closed');
    // The closed programme no longer offers its dead application link (copy, replace, revoke).
    await ada.goto(new URL(`/programmes/${ids.programme}/enrolment`, journey.baseUrl).href);
    await settings.banner().waitFor();
    await ada.waitForLoadState('networkidle');
    expect(await ada.getByRole('heading', { name: 'Open application link' }).count()).toBe(0);

    const data = await new DataPage(ada, journey.baseUrl).goto('/data');
    await data.setRetention('90');

    const bo = await new PersonPage(ada, journey.baseUrl, 'Bo Lindqvist').goto(`/people/${ids.bo}`);
    const counts = await bo.prepareErasure();
    expect(counts).toContain('profile: 1');
    await bo.erase('Bo Lindqvist', 'Remove it');
    await ada.getByRole('heading', { level: 1, name: 'A former member' }).waitFor();

    const amara = await newPage(browser);
    screenshotOnFailure(amara);
    await new SignInPage(amara, journey.baseUrl)
      .goto('/sign-in')
      .then((p) => p.signIn('amara@example.org', password));
    await amara.waitForURL((url) => url.pathname === '/');
    const programme = await new ClosingProgrammePage(amara, journey.baseUrl, 'Leading Learning 2027').goto(
      `/programmes/${ids.programme}`,
    );
    await programme.banner().waitFor();
    const markdown = await programme.download('Download my content (Markdown)');
    const text = await readFile((await markdown.path())!, 'utf8');
    expect(text).toContain('Volunteers leave in their first month');
    expect(text).toContain('Phone three volunteers who left');

    const own = await new PersonPage(amara, journey.baseUrl, 'Amara Okafor').goto(`/people/${ids.amara}`);
    const archive = await own.downloadMyData();
    expect(archive.suggestedFilename()).toBe('revans-my-data.tar.gz');
    expect((await readFile((await archive.path())!)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });
});
