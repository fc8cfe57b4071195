import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import {
  addPeopleWithAccounts,
  createProgramme,
  createSet,
  enrol,
  londonDate,
  setUpHost,
  signInThroughApi,
} from './pages/api-setup.ts';
import { browserWithSession, shootFromTop } from './pages/browsers.ts';
import { MyActionsPage, ProgrammeWorkshopsPage, WorkshopPage } from './pages/workshops-pages.ts';

const programmeName = 'Leading Learning 2027';
const people = {
  coordinator: { name: 'Ines Duarte', email: 'ines@example.org' },
  guide: { name: 'Gwen Adeyemi', email: 'gwen@example.org' },
  farah: { name: 'Farah Haddad', email: 'farah@example.org' },
  amara: { name: 'Amara Okafor', email: 'amara@example.org' },
  ben: { name: 'Ben Hughes', email: 'ben@example.org' },
  chidi: { name: 'Chidi Eze', email: 'chidi@example.org' },
  dana: { name: 'Dana Novak', email: 'dana@example.org' },
};
type Who = keyof typeof people;
const themes = ['Short-term funding', 'Keeping volunteers'];

/** Host, programme, two sets, two themes and a set action, built through the API: setup, not the journey. */
async function seed(server: RunningServer, origin: string) {
  const host = await setUpHost(server, origin);
  const ids = await addPeopleWithAccounts(host, people, 'Programme lead');
  const programmeId = await createProgramme(
    host,
    { name: programmeName, setSize: { min: 2, max: 8 } },
    ids.coordinator,
  );
  const kestrel = await createSet(host, programmeId, 'Set Kestrel');
  const heron = await createSet(host, programmeId, 'Set Heron');
  await enrol(host, kestrel, { facilitator: ids.farah, members: [ids.amara, ids.ben] });
  await enrol(host, heron, { members: [ids.chidi, ids.dana] });
  // The themes the sets' shared concerns were grouped into (the concerns journey covers how).
  for (const name of themes)
    await host.call('POST', `/api/programmes/${programmeId}/themes`, { name }, host.admin);
  const amara = await signInThroughApi(server, origin, people.amara.email);
  await host.call(
    'POST',
    `/api/sets/${kestrel}/actions`,
    { text: 'Ask my board about a reserve fund' },
    amara,
  );
  return { programmeId, kestrel, heron };
}

describe('a workshop for the whole programme: planned by poll, answered, held, recorded (SQLite, Chromium)', () => {
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let world: Awaited<ReturnType<typeof seed>>;
  /** The server's clock runs this far ahead of real time: the journey reaches the workshop's day. */
  let ahead = 0;
  const contexts: BrowserContext[] = [];

  const signedIn = async (who: Who) => {
    const cookie = await signInThroughApi(server, baseUrl, people[who].email);
    const page = await browserWithSession(browser, baseUrl, cookie);
    contexts.push(page.context());
    return page;
  };

  beforeAll(async () => {
    journey = await startJourneyServer({
      mail: false,
      config: { signInRateLimit: { max: 50, windowSeconds: 60 } },
      now: () => new Date(Date.now() + ahead),
    });
    ({ server, baseUrl } = journey);
    world = await seed(server, baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('takes up two themes, is dated by a poll, fills up, is held, and leaves each member a private action', async () => {
    const title = 'Mid-year workshop';
    const first = `${londonDate(10)}T10:00`;
    const second = `${londonDate(11)}T10:00`;

    // 1. The coordinator plans it on the programme's Workshops tab, taking up both themes, dated by a poll.
    const inesPage = await signedIn('coordinator');
    const tab = await new ProgrammeWorkshopsPage(inesPage, baseUrl, programmeName).goto(
      `/programmes/${world.programmeId}/workshops`,
    );
    await tab.plan();
    await tab.fillAndSubmit({
      title,
      themes,
      options: [first, second],
      place: 'Friends House, London',
      agenda: '## Morning\n- What the sets shared\n## Afternoon\n- Next steps',
      facilitator: people.guide.name,
      capacity: 3,
    });
    const ines = await new WorkshopPage(inesPage, baseUrl, title).arrived();
    await inesPage.getByText('Date by poll', { exact: true }).waitFor();
    for (const theme of themes)
      await inesPage.getByRole('listitem').filter({ hasText: theme }).first().waitFor();
    await shootFromTop(inesPage, 'workshop-awaiting-poll');

    // 2. Confirming the poll's second time dates the workshop.
    await inesPage.getByRole('link', { name: 'Answer the poll for its date' }).click();
    await inesPage.getByRole('heading', { level: 1, name: title }).waitFor();
    await ines.checkAccessibility('the workshop’s poll');
    await inesPage
      .getByRole('button', { name: /^Confirm / })
      .nth(1)
      .click();
    // Nobody has answered yet: the page says so and asks before deciding.
    const unanswered = inesPage.getByRole('dialog', { name: 'Nobody has answered yet' });
    await unanswered.getByText(/has answered this poll yet/).waitFor();
    await ines.checkAccessibility('confirming a poll nobody answered');
    await unanswered.getByRole('button', { name: 'Confirm without answers' }).click();
    await inesPage.getByText('Decided', { exact: true }).waitFor();
    await ines.goto(`/workshops/${await workshopId(inesPage)}`);
    await inesPage.getByText('Planned', { exact: true }).waitFor();

    // 3. Participants answer; Amara by keyboard alone. The fourth "Coming" finds it full.
    const path = `/workshops/${await workshopId(inesPage)}`;
    const amara = await new WorkshopPage(await signedIn('amara'), baseUrl, title).goto(path);
    await amara.rsvpByKeyboard('Coming');
    const ben = await new WorkshopPage(await signedIn('ben'), baseUrl, title).goto(path);
    await ben.rsvp('Coming');
    const dana = await new WorkshopPage(await signedIn('dana'), baseUrl, title).goto(path);
    await dana.rsvp('Coming');
    const chidi = await new WorkshopPage(await signedIn('chidi'), baseUrl, title).goto(path);
    await chidi.rsvpButton('Coming').click();
    await chidi.announced(/^The workshop is full: all 3 seats are taken/);
    await chidi.auditState('the workshop page with its "full" alert');
    await chidi.rsvp('Maybe');
    expect(await chidi.counts()).toBe('3 of 3 places taken, 1 maybe, 0 not coming');
    // Participants see counts only; the coordinator sees who.
    expect(await chidi.page.getByRole('heading', { name: 'Who answered' }).count()).toBe(0);
    await ines.goto(path);
    await inesPage.reload();
    await inesPage.getByText(`${people.amara.name}: Coming`).waitFor();
    await inesPage.getByText(`${people.chidi.name}: Maybe`).waitFor();
    await shootFromTop(inesPage, 'workshop-answers-coordinator');
    // The coordinator changes the place: everyone hears of it with a new calendar entry.
    await inesPage.getByRole('link', { name: 'Change the workshop' }).click();
    await inesPage.getByRole('heading', { level: 1, name: 'Change the workshop' }).waitFor();
    await ines.checkAccessibility('the change-the-workshop form');
    await inesPage.getByLabel(/^Place/).fill('Friends House, Euston');
    await inesPage.getByRole('button', { name: 'Save the changes' }).click();
    await inesPage.getByText('Where: Friends House, Euston').waitFor();
    await inesPage.getByRole('heading', { level: 3, name: 'Morning' }).waitFor();

    // 4. The day comes: it is held. Its facilitator records attendance, notes and a material.
    // An hour after it began (10:00 in London on the chosen day), whatever the time of day the suite runs.
    ahead = DateTime.fromISO(second, { zone: 'Europe/London' }).toMillis() + 3_600_000 - Date.now();
    const gwen = await new WorkshopPage(await signedIn('guide'), baseUrl, title).goto(path);
    await gwen.page.getByText('Held', { exact: true }).waitFor();
    await gwen.recordAttendance([people.amara.name, people.ben.name, people.dana.name]);
    await gwen.writeNotes('Funding cycles drive short-termism.\n\n- Volunteers need a way back in.');
    await gwen.addMaterial('Slides', 'https://files.example.org/slides.pdf');
    await gwen.auditState('the held workshop, for its facilitator');
    await shootFromTop(gwen.page, 'workshop-held-facilitator');

    // 5. Amara reads the notes, adds a private action by keyboard, and sees it with her set actions.
    await amara.page.reload();
    await amara.page.getByText('Funding cycles drive short-termism.', { exact: true }).waitFor();
    await amara.page.getByRole('listitem').filter({ hasText: 'Volunteers need a way back in.' }).waitFor();
    await amara.page.getByText('3 people came.').waitFor();
    await amara.addActionByKeyboard('Draft a three-year funding case with two other NGOs');
    await amara.auditState('the held workshop, for a member with her action');
    const actions = await new MyActionsPage(amara.page, baseUrl).goto('/me/actions');
    await amara.page.getByText('Ask my board about a reserve fund', { exact: true }).waitFor();
    await actions
      .workshopActions()
      .getByText('Draft a three-year funding case with two other NGOs', { exact: true })
      .waitFor();
    await shootFromTop(amara.page, 'workshop-my-actions');

    // Nobody else sees it: not the coordinator, not Ben.
    for (const page of [inesPage, ben.page]) {
      const mine = await page.evaluate(async () => (await fetch('/api/me/workshop-actions')).json());
      expect(mine).toEqual([]);
      const view = await page.evaluate(async (p) => (await fetch(`/api${p}`)).text(), path);
      expect(view).not.toContain('three-year funding case');
    }
  }, 480_000);
});

async function workshopId(page: Page): Promise<string> {
  const id = await page.evaluate(async () => {
    const match = /\/(?:workshops|polls)\/([^/]+)/.exec(location.pathname);
    if (location.pathname.startsWith('/workshops/')) return match?.[1] ?? '';
    // On the poll's page: the workshop dated by this poll.
    const poll = await (await fetch(`/api/polls/${match?.[1]}`)).json();
    const workshops = await (await fetch(`/api/programmes/${poll.programmeId}/workshops`)).json();
    return (workshops as { id: string; pollId: string }[]).find((w) => w.pollId === poll.id)?.id ?? '';
  });
  if (!id) throw new Error('no workshop id');
  return id;
}
