/**
 * Home says what's next: a member sees their next meeting, sends apologies, joins it from home once it is
 * live, and sees what waits for them; a member of another set sees none of it; a coordinator sees what
 * needs them. On a phone (390 px) and a laptop, axe-clean.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser, type newContext, saveScreenshot } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import {
  addPeopleWithAccounts,
  createProgramme,
  createSet,
  enrol,
  londonDate,
  scheduleMeeting,
  setUpHost,
  signInThroughApi,
} from './pages/api-setup.ts';
import { browserWithSession } from './pages/browsers.ts';
import { HomePage } from './pages/home-pages.ts';
import { MeetingRoomPage } from './pages/meeting-room-page.ts';

const programmeName = 'Leading Learning 2027';
const people = {
  ines: { name: 'Ines Duarte', email: 'ines@example.org' },
  farah: { name: 'Farah Haddad', email: 'farah@example.org' },
  amara: { name: 'Amara Okafor', email: 'amara@example.org' },
  ben: { name: 'Ben Hughes', email: 'ben@example.org' },
  chidi: { name: 'Chidi Eze', email: 'chidi@example.org' },
};
type Who = keyof typeof people;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const laptop = { viewport: { width: 1280, height: 800 } };

/** Host, programme, two sets, a meeting, ground rules, a poll, an action and an application: setup, not the journey. */
async function seed(server: RunningServer, origin: string) {
  const host = await setUpHost(server, origin);
  const { call } = host;
  const ids = await addPeopleWithAccounts(host, people, 'Programme lead');
  const cookies = {} as Record<Who, string>;
  for (const who of Object.keys(people) as Who[])
    cookies[who] = await signInThroughApi(server, origin, people[who].email);
  const programmeId = await createProgramme(
    host,
    { name: programmeName, setSize: { min: 2, max: 8 } },
    ids.ines,
  );
  const kestrel = await createSet(host, programmeId, 'Set Kestrel');
  const heron = await createSet(host, programmeId, 'Set Heron');
  await enrol(host, kestrel, { facilitator: ids.farah, members: [ids.amara, ids.ben] });
  await enrol(host, heron, { members: [ids.chidi] });
  const meetingId = await scheduleMeeting(host, kestrel, 1, cookies.farah);
  await call(
    'PUT',
    `/api/sets/${kestrel}/ground-rules`,
    { rules: ['Be on time.', 'Confidentiality: what is said here stays here.'], basedOn: null },
    cookies.farah,
  );
  await call(
    'POST',
    `/api/sets/${kestrel}/polls`,
    {
      title: 'Our June meeting',
      purpose: 'date',
      timeZone: 'Europe/London',
      options: [`${londonDate(40)}T10:00`, `${londonDate(41)}T10:00`],
    },
    cookies.farah,
  );
  await call(
    'POST',
    `/api/sets/${kestrel}/actions`,
    { text: 'Call the regional donor', dueOn: londonDate(-2) },
    cookies.amara,
  );
  // Someone applies to the programme through its open link.
  await call('PATCH', `/api/programmes/${programmeId}`, { status: 'recruiting' }, cookies.ines);
  const link = await call('POST', `/api/programmes/${programmeId}/application-link`, {}, cookies.ines);
  const token = new URL(link.body.url).pathname.split('/').at(-1)!;
  const form = await server.app.inject({ method: 'GET', url: `/api/apply/${token}` });
  const consent = JSON.parse(form.body).consent;
  await call('POST', `/api/apply/${token}`, {
    name: 'Nia Newcomer',
    email: 'nia@example.org',
    organisation: 'Oxfam',
    role: 'Learning adviser',
    themes: ['knowledge management'],
    languages: ['en'],
    timeZone: 'Europe/London',
    availability: ['mon-am'],
    hopes: 'Peer learning.',
    mustAvoid: [],
    consent: { version: consent.version, groundRules: true, confidentiality: true, dataUse: true },
  });
  return { programmeId, kestrel, heron, meetingId, cookies };
}

describe("home says what's next (SQLite, Chromium)", () => {
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let world: Awaited<ReturnType<typeof seed>>;
  const contexts: BrowserContext[] = [];

  const signedIn = async (who: Who, options: Parameters<typeof newContext>[1] = {}) => {
    const page = await browserWithSession(browser, baseUrl, world.cookies[who], options);
    contexts.push(page.context());
    return page;
  };

  beforeAll(async () => {
    journey = await startJourneyServer({
      mail: false,
      config: { signInRateLimit: { max: 50, windowSeconds: 60 } },
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

  it('shows a member on a phone their next meeting and what waits for them, and lets them join it live', async () => {
    const amaraPage = await signedIn('amara', phone);
    await amaraPage.goto(`${baseUrl}/`);
    const home = await new HomePage(amaraPage, baseUrl).arrived();
    const card = home.meetingCard('Set Kestrel');
    await card.waitFor();
    expect(await card.getByRole('link', { name: 'Meeting details' }).getAttribute('href')).toBe(
      `/sets/${world.kestrel}/meetings`,
    );
    const waiting = await home.items('Waiting for you');
    expect(waiting).toEqual([
      'Read and accept the ground rules of Set Kestrel',
      'Answer the poll “Our June meeting” (Set Kestrel)',
      expect.stringMatching(/^Your action: Call the regional donor \(Set Kestrel\) Overdue since /),
    ]);
    // One column on a phone: the card fills the width.
    const box = await card.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await saveScreenshot(amaraPage, 'home-member-phone');

    // Apologies from home, and back.
    await card.getByRole('button', { name: 'Send apologies' }).click();
    await card.getByText('Apologies sent').waitFor();
    await home.auditState('home with apologies sent, on a phone');
    await card.getByRole('button', { name: 'I can come after all' }).click();
    await card.getByRole('button', { name: 'Send apologies' }).waitFor();

    // Farah opens the room and starts the meeting; Amara's home now says it is live and takes her in.
    const farahPage = await signedIn('farah', laptop);
    const farahRoom = await new MeetingRoomPage(farahPage, baseUrl).open(`/meetings/${world.meetingId}/room`);
    await farahRoom.next('Start the meeting');
    await farahRoom.waitForNow(/./);
    await amaraPage.reload();
    await home.arrived();
    await card.getByText('Live now').waitFor();
    await home.auditState('home with a live meeting, on a phone');
    await saveScreenshot(amaraPage, 'home-member-phone-live');
    await card.getByRole('link', { name: 'Join now' }).click();
    const room = await new MeetingRoomPage(amaraPage, baseUrl).arrived();
    expect(room.meetingId()).toBe(world.meetingId);
  });

  it("shows a member of another set nothing of this set, and the facilitator their set's next steps", async () => {
    const chidiPage = await signedIn('chidi', laptop);
    await chidiPage.goto(`${baseUrl}/`);
    const chidiHome = await new HomePage(chidiPage, baseUrl).arrived();
    await chidiHome.whatsNext().waitFor();
    await chidiHome.whatsNext().getByText('Nothing is waiting for you right now.').waitFor();
    expect(await chidiHome.whatsNext().textContent()).not.toContain('Kestrel');

    const farahPage = await signedIn('farah', laptop);
    await farahPage.goto(`${baseUrl}/`);
    const farahHome = await new HomePage(farahPage, baseUrl).arrived();
    expect(await farahHome.items("Your sets' next steps")).toEqual([
      '3 people in Set Kestrel have not yet accepted the ground rules',
    ]);
    expect(await farahHome.items('Needs you')).toEqual([
      'Confirm a time for “Our June meeting” (0 answers so far)',
    ]);
  });

  it('shows a coordinator what needs them, each linking to the place to act', async () => {
    const inesPage = await signedIn('ines', laptop);
    await inesPage.goto(`${baseUrl}/`);
    const home = await new HomePage(inesPage, baseUrl).arrived();
    expect(await home.items('Needs you')).toEqual([`1 application waits for a decision in ${programmeName}`]);
    await saveScreenshot(inesPage, 'home-coordinator-laptop');
    await home.section('Needs you').getByRole('link').click();
    await inesPage.waitForURL((url) => url.pathname === `/programmes/${world.programmeId}/enrolment`);
  });
});
