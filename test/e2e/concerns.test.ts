import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser, type newContext } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import {
  addPeopleWithAccounts,
  createProgramme,
  createSet,
  enrol,
  scheduleMeeting,
  setUpHost,
  signInThroughApi,
} from './pages/api-setup.ts';
import { browserWithSession, shootFromTop } from './pages/browsers.ts';
import { ProgrammeConcernsPage, RoomConcernsPanel, SetConcernsPage } from './pages/concerns-pages.ts';
import { MeetingRoomPage } from './pages/meeting-room-page.ts';

const programmeName = 'Leading Learning 2027';
const people = {
  coordinator: { name: 'Ines Duarte', email: 'ines@example.org' },
  farah: { name: 'Farah Haddad', email: 'farah@example.org' },
  amara: { name: 'Amara Okafor', email: 'amara@example.org' },
  ben: { name: 'Ben Hughes', email: 'ben@example.org' },
  chidi: { name: 'Chidi Eze', email: 'chidi@example.org' },
  dana: { name: 'Dana Novak', email: 'dana@example.org' },
};
type Who = keyof typeof people;
const concerns = {
  roomFunding: 'Short-term donor funding makes it hard to plan beyond a year.',
  kestrelVolunteers: 'Keeping volunteers motivated without paying them.',
  heronDonors: 'Donors change their funding priorities faster than we can adapt.',
  heronVolunteers: 'Volunteers burn out and leave after a few months.',
};
const day = 86_400_000;

/** Host, programme, two sets and a meeting, built through the API as the admin: setup, not the journey. */
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
  const meetingId = await scheduleMeeting(host, kestrel, 1, host.admin);
  return { programmeId, kestrel, heron, meetingId };
}

describe('issues of common concern: shared by consent, grouped into themes, voted on (SQLite, Chromium)', () => {
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let world: Awaited<ReturnType<typeof seed>>;
  /** The server's clock runs this far ahead of real time: the journey passes an objection period. */
  let ahead = 0;
  const contexts: BrowserContext[] = [];
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

  const signedIn = async (who: Who, options: Parameters<typeof newContext>[1] = {}) => {
    const cookie = await signInThroughApi(server, baseUrl, people[who].email);
    const page = await browserWithSession(browser, baseUrl, cookie, options);
    contexts.push(page.context());
    return page;
  };

  beforeAll(async () => {
    journey = await startJourneyServer({
      mail: false,
      // Seven people sign in within a minute, from one address.
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

  it('takes concerns from two sets by consent to themes the programme votes on', async () => {
    const [farahPage, amaraPage, benPage] = await Promise.all([
      signedIn('farah'),
      signedIn('amara', phone),
      signedIn('ben'),
    ]);
    const roomPath = `/meetings/${world.meetingId}/room`;

    // 1. Set Kestrel meets. In its process review Amara proposes a concern; everyone present approves.
    const [farah, amara, ben] = await Promise.all([
      new MeetingRoomPage(farahPage, baseUrl).open(roomPath),
      new MeetingRoomPage(amaraPage, baseUrl).open(roomPath),
      new MeetingRoomPage(benPage, baseUrl).open(roomPath),
    ]);
    await Promise.all([farah, amara, ben].map((room) => room.waitForPeopleHere(3)));
    await farah.next('Start the meeting');
    await farah.goToStage('Process review');
    await Promise.all([amara, ben].map((room) => room.waitForNow('Process review')));
    const amaraPanel = new RoomConcernsPanel(amaraPage);
    await amaraPanel.propose(concerns.roomFunding, 'Funding');
    await amaraPanel.card(concerns.roomFunding).getByText('Waiting for approval from').waitFor();
    await amara.auditState('the room’s concerns panel, on a phone');
    await shootFromTop(amaraPage, 'concerns-room-phone');
    await new RoomConcernsPanel(benPage).approve(concerns.roomFunding);
    const farahPanel = new RoomConcernsPanel(farahPage);
    await farahPanel
      .card(concerns.roomFunding)
      .getByText(`Waiting for approval from ${people.farah.name}.`)
      .waitFor({
        timeout: 20_000,
      });
    await farahPanel.approve(concerns.roomFunding);
    await farahPanel
      .card(concerns.roomFunding)
      .getByText(/Shared with the programme on .*: everyone in the room approved\./)
      .waitFor();
    await farah.auditState('the room’s concerns panel once shared, on a laptop');
    await shootFromTop(farahPage, 'concerns-room-laptop-shared');

    // 2. Ben proposes another on the set page, with the set's name allowed to travel.
    const benSet = await new SetConcernsPage(benPage, baseUrl, 'Set Kestrel').goto(`/sets/${world.kestrel}`);
    await benSet.propose(concerns.kestrelVolunteers, { showSetName: true });
    expect(await benSet.stateOf(concerns.kestrelVolunteers)).toMatch(
      /^Waiting for objections Shared with the programme on .* \(United Kingdom Time\) unless someone in the set objects\.$/,
    );

    // 3. Set Heron, by keyboard: Chidi proposes; Dana proposes another and objects to Chidi's.
    const [chidiPage, danaPage] = await Promise.all([signedIn('chidi'), signedIn('dana', phone)]);
    const chidi = await new SetConcernsPage(chidiPage, baseUrl, 'Set Heron').goto(`/sets/${world.heron}`);
    await chidi.proposeByKeyboard(concerns.heronVolunteers, 'Volunteers');
    expect(await chidi.card(concerns.heronVolunteers).textContent()).toContain('With the set’s name');
    const dana = await new SetConcernsPage(danaPage, baseUrl, 'Set Heron').goto(`/sets/${world.heron}`);
    await dana.propose(concerns.heronDonors);
    await dana.object(concerns.heronVolunteers);
    await dana.auditState('a set’s proposals with an objection, on a phone');
    await shootFromTop(danaPage, 'concerns-set-phone');

    // Nothing has left either set yet, but the concern the room approved.
    const coordinatorPage = await signedIn('coordinator');
    const board = await new ProgrammeConcernsPage(coordinatorPage, baseUrl, programmeName).goto(
      `/programmes/${world.programmeId}/concerns`,
    );
    expect(await board.columnStatements('Not in a theme yet')).toEqual([concerns.roomFunding]);

    // 4. The objection period passes: what nobody objected to is shared; Chidi's is held.
    ahead = 3 * day + 60_000;
    await chidiPage.reload();
    await chidi.card(concerns.heronVolunteers).waitFor();
    expect(await chidi.stateOf(concerns.heronVolunteers)).toBe(
      `Held ${people.dana.name} objects, so it stays in the set until the objection is withdrawn.`,
    );
    expect(await chidi.stateOf(concerns.heronDonors)).toMatch(
      /^Shared Shared with the programme on .*, as nobody objected\.$/,
    );
    // Dana withdraws her objection: the period is over, so it is shared at once.
    await danaPage.reload();
    await dana.withdrawObjection(concerns.heronVolunteers);
    await dana
      .card(concerns.heronVolunteers)
      .getByText(/as nobody objected/)
      .waitFor();

    // 5. The coordinator sees the four concerns, no names, and accepts Revans's grouping.
    await coordinatorPage.reload();
    await board.column('Not in a theme yet').waitFor();
    expect((await board.columnStatements('Not in a theme yet')).sort()).toEqual(
      Object.values(concerns).sort(),
    );
    const text = (await coordinatorPage.locator('main').textContent()) ?? '';
    for (const who of ['farah', 'amara', 'ben', 'chidi', 'dana'] as const)
      expect(text).not.toContain(people[who].name);
    expect(await board.chip(concerns.kestrelVolunteers).textContent()).toContain('Set Kestrel');
    await coordinatorPage.getByRole('button', { name: 'Suggest themes' }).click();
    const suggested = coordinatorPage.getByRole('list', { name: 'Suggested themes' });
    await suggested.waitFor();
    expect(await suggested.locator('.suggestion__why').allTextContents()).toEqual([
      'Grouped because they share: funding, donor',
      'Grouped because they share: volunteers',
    ]);
    await board.auditState('the suggested grouping');
    await coordinatorPage.getByRole('button', { name: 'Accept this grouping' }).click();
    await expect.poll(() => board.themeNames()).toEqual(['Funding', 'Volunteers', 'Not in a theme yet']);

    // By keyboard: rename a theme.
    await coordinatorPage.getByRole('button', { name: 'Rename Volunteers' }).focus();
    await coordinatorPage.keyboard.press('Enter');
    await coordinatorPage.getByRole('dialog', { name: 'Rename “Volunteers”' }).waitFor();
    await coordinatorPage.keyboard.press('Control+A');
    await coordinatorPage.keyboard.type('Keeping volunteers');
    await coordinatorPage.keyboard.press('Enter');
    await expect
      .poll(() => board.themeNames())
      .toEqual(['Funding', 'Keeping volunteers', 'Not in a theme yet']);

    // By pointer: drag a concern out of its theme; by keyboard: move it back with "Move to theme…".
    await board.drag(concerns.kestrelVolunteers, 'Not in a theme yet');
    await expect
      .poll(() => board.columnStatements('Not in a theme yet'))
      .toEqual([concerns.kestrelVolunteers]);
    await board
      .chip(concerns.kestrelVolunteers)
      .getByRole('button', { name: /^Move “Keeping volunteers/ })
      .focus();
    await coordinatorPage.keyboard.press('Enter');
    const menu = coordinatorPage.getByRole('list', { name: /^Where to move/ });
    await menu.waitFor();
    await expect
      .poll(() => coordinatorPage.evaluate(() => document.activeElement?.textContent))
      .toBe('Funding');
    await coordinatorPage.keyboard.press('ArrowDown');
    await expect
      .poll(() => coordinatorPage.evaluate(() => document.activeElement?.textContent))
      .toBe('Keeping volunteers');
    await coordinatorPage.keyboard.press('Enter');
    await expect.poll(() => board.columnStatements('Keeping volunteers')).toHaveLength(2);
    await board.auditState('the themes board');
    await shootFromTop(coordinatorPage, 'concerns-themes-laptop');

    // 6. Voting opens with three votes each.
    await coordinatorPage.getByLabel('Votes each participant has').selectOption('3');
    await coordinatorPage.getByRole('button', { name: 'Open voting' }).click();
    await coordinatorPage
      .getByText('Voting has opened, so the themes stay as they are.', { exact: false })
      .waitFor();

    // Amara votes on her phone: one too many first, then three.
    const amaraBoard = await new ProgrammeConcernsPage(amaraPage, baseUrl, programmeName).goto(
      `/programmes/${world.programmeId}/concerns`,
    );
    const amaraForm = amaraPage.getByRole('region', { name: 'Your votes' });
    await amaraForm.getByLabel('Votes for Funding').fill('3');
    await amaraForm.getByLabel('Votes for Keeping volunteers').fill('1');
    await amaraForm.getByText('1 vote too many: take one off a theme.').waitFor();
    await amaraForm.getByRole('button', { name: 'Save my votes' }).click();
    await amaraForm
      .getByRole('alert')
      .getByText('You have 3 votes in all and gave 4. Take 1 off a theme and send them again.')
      .waitFor();
    await amaraForm.getByLabel('Votes for Funding').fill('2');
    await amaraForm.getByRole('button', { name: 'Save my votes' }).click();
    await amaraBoard.announced('Your 3 votes are saved.');
    await amaraBoard.auditState('voting, on a phone');
    await shootFromTop(amaraPage, 'concerns-voting-phone');

    // Three more vote (through the API their pages call).
    for (const [who, votes] of [
      ['ben', { 'Keeping volunteers': 2 }],
      ['chidi', { 'Keeping volunteers': 3 }],
      ['dana', { Funding: 3 }],
    ] as const) {
      const page = await signedIn(who);
      const voter = await new ProgrammeConcernsPage(page, baseUrl, programmeName).goto(
        `/programmes/${world.programmeId}/concerns`,
      );
      const form = page.getByRole('region', { name: 'Your votes' });
      for (const [theme, n] of Object.entries(votes))
        await form.getByLabel(`Votes for ${theme}`).fill(String(n));
      await form.getByRole('button', { name: 'Save my votes' }).click();
      await voter.announced(/votes are saved/);
    }
    // Nobody sees counts while voting is open.
    await coordinatorPage.reload();
    await coordinatorPage.getByText('Counts are shown once voting has closed.').waitFor();
    await coordinatorPage.getByText('4 people have voted.').waitFor();

    // 7. Voting closes: the counts, most votes first, for the coordinator and for the participants.
    await coordinatorPage.getByRole('button', { name: 'Close voting' }).click();
    const results = coordinatorPage.getByRole('table', { name: 'What the programme chose' });
    await results.waitFor();
    expect(await results.locator('tbody tr').allTextContents()).toEqual(['Keeping volunteers6', 'Funding5']);
    await board.auditState('results after voting closed');
    await shootFromTop(coordinatorPage, 'concerns-results-laptop');
    await amaraPage.reload();
    await amaraPage.getByRole('table', { name: 'What the programme chose' }).waitFor();
    expect(await amaraPage.getByRole('region', { name: 'Your votes' }).count()).toBe(0);
    await shootFromTop(amaraPage, 'concerns-results-phone');
  }, 420_000);
});
