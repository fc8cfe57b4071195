import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import {
  addPeopleWithAccounts,
  createProgramme,
  createSet,
  enrol,
  scheduleMeeting,
  setUpHost,
  signInThroughApi,
} from './pages/api-setup.ts';
import { browserWithSession } from './pages/browsers.ts';
import { CoachPanel } from './pages/coach-pages.ts';
import { MeetingRoomPage } from './pages/meeting-room-page.ts';
import { MeetingsTabPage } from './pages/meeting-set-pages.ts';

const setName = 'Set Heron';
const people = {
  facilitator: { name: 'Farah Haddad', email: 'farah@example.org' },
  amara: { name: 'Amara Okafor', email: 'amara@example.org' },
  ben: { name: 'Ben Hughes', email: 'ben@example.org' },
};
const advice = 'have you tried delegating it';
const anotherAdvice = 'Have you thought about asking your manager for help?';

/** The host, set and a meeting, made through the API: setup data, not the journey. */
async function seed(server: RunningServer, origin: string) {
  const host = await setUpHost(server, origin);
  const ids = await addPeopleWithAccounts(host, people, 'Learning lead');
  const cookies = {} as Record<keyof typeof people, string>;
  for (const who of Object.keys(people) as (keyof typeof people)[])
    cookies[who] = await signInThroughApi(server, origin, people[who].email);
  const programmeId = await createProgramme(host, {
    name: 'Leading Learning 2027',
    setSize: { min: 2, max: 8 },
  });
  const setId = await createSet(host, programmeId, setName);
  await enrol(host, setId, { facilitator: ids.facilitator, members: [ids.amara, ids.ben] });
  const problem = await host.call(
    'POST',
    `/api/sets/${setId}/problems`,
    {
      title: 'Too much on my plate',
      story: 'I lead a team of five and I do most of the work myself.',
      kind: 'work-project',
      intake: { real: true, current: true, openEnded: true, mineToActOn: true },
    },
    cookies.amara,
  );
  const meetingId = await scheduleMeeting(host, setId, 1, cookies.facilitator);
  return { setId, meetingId, problemId: problem.body.id as string, cookies };
}

describe('the question coach in the live room (SQLite, Chromium)', () => {
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let world: Awaited<ReturnType<typeof seed>>;
  const contexts: BrowserContext[] = [];
  const clients: TestLiveClient[] = [];

  const signedIn = async (who: keyof typeof people): Promise<Page> => {
    const page = await browserWithSession(browser, baseUrl, world.cookies[who]);
    contexts.push(page.context());
    return page;
  };

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: false });
    ({ server, baseUrl } = journey);
    world = await seed(server, baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('hints at an advice question with an open rewrite, politely, and stays quiet once switched off', async () => {
    // The facilitator and the presenter run the meeting from live clients; Ben asks in his browser.
    const [f, p] = (['facilitator', 'amara'] as const).map((who) =>
      liveClient(baseUrl, world.meetingId, world.cookies[who], { origin: baseUrl }),
    ) as [TestLiveClient, TestLiveClient];
    clients.push(f, p);
    const run = async (client: TestLiveClient, command: MeetingCommand) => {
      client.send(command);
      const status = await client.untilStatus((s) => s.pending === 0);
      expect(status.lastRefusal, JSON.stringify(command)).toBeNull();
    };
    await f.until((s) => s.present.length === 2);
    const amaraId = f.connection.state!.setup.participants.find(
      (x) => x.name === people.amara.name,
    )!.personId;
    const stage = (key: string) => f.connection.state!.setup.agenda.findIndex((s) => s.key === key);
    await run(f, { type: 'meeting.start' });
    await run(f, { type: 'stage.goto', index: stage('bidding') });
    await run(p, { type: 'bid.place', minutes: 30, urgency: 'high', problemId: world.problemId });
    await run(f, { type: 'presenter.order', personIds: [amaraId] });
    await run(f, { type: 'stage.goto', index: stage('presentations') });
    await run(f, { type: 'presenter.goto', index: 0, step: 'questioning' });

    const benPage = await signedIn('ben');
    const ben = await new MeetingRoomPage(benPage, baseUrl).open(`/meetings/${world.meetingId}/room`);
    await ben.waitForStep('Open questioning');

    // 1. Ben types advice dressed as a question, as people type it: the hint appears, politely.
    const field = ben.questionField();
    await field.click();
    await field.pressSequentially(advice, { delay: 10 });
    await ben.coachHint().waitFor();
    expect(await ben.coachHint().textContent()).toContain('This carries a suggestion of your own');
    expect(await ben.coachRegion().getAttribute('aria-live')).toBe('polite');
    expect(
      await benPage.locator('[aria-live="assertive"]').filter({ hasText: 'Question coach' }).count(),
    ).toBe(0);
    // The deciding words are marked, and focus never left the field.
    expect(await benPage.locator('.coach-hint mark').first().textContent()).toBe('have you tried');
    expect(await benPage.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const rewrites = await ben.coachRewrites();
    expect(rewrites.length).toBeGreaterThanOrEqual(1);
    expect(rewrites.length).toBeLessThanOrEqual(2);
    await ben.auditState('room with the question coach hint shown');
    await saveScreenshot(benPage, 'coach-room-hint');

    // 2. He uses a rewrite built from his own words and sends it; the hint goes quiet.
    const chosen = rewrites.find((r) => r.includes('delegating it')) ?? rewrites[0]!;
    const rewritten = chosen.replace(/^Use this question: /, '');
    await benPage.getByRole('button', { name: chosen }).click();
    expect(await field.inputValue()).toBe(rewritten);
    await benPage.getByRole('button', { name: 'Ask', exact: true }).click();
    await ben.question(rewritten).waitFor();
    await expect.poll(() => ben.coachHint().count()).toBe(0);

    // 3. Another advice question: he dismisses the hint and sends it anyway.
    await field.fill(anotherAdvice);
    await ben.coachHint().waitFor();
    await benPage.getByRole('button', { name: 'Dismiss hint' }).click();
    await expect.poll(() => ben.coachHint().count()).toBe(0);
    await benPage.getByRole('button', { name: 'Ask', exact: true }).click();
    await ben.question(anotherAdvice).waitFor();

    // 4. Ben turns the coach off for himself from the hint; it stays off on the server (every device),
    // and he switches it back on from his set's Meetings tab.
    await field.fill('have you tried saying no to the next request');
    await ben.coachHint().waitFor();
    await benPage.getByRole('button', { name: 'Turn off the coach for me' }).click();
    await benPage.getByRole('status').filter({ hasText: 'The question coach is off for you' }).waitFor();
    expect(await ben.coachHint().count()).toBe(0);
    const mine = async () =>
      (
        await server.app.inject({
          method: 'GET',
          url: '/api/me/coach',
          headers: { cookie: world.cookies.ben, origin: baseUrl },
        })
      ).json().enabled;
    await expect.poll(mine).toBe(false);
    await field.fill('');
    const benMeetings = await new MeetingsTabPage(benPage, baseUrl, setName).open(
      `/sets/${world.setId}/meetings`,
    );
    const benPanel = new CoachPanel(benPage);
    expect(await benPanel.mySwitch().isChecked()).toBe(false);
    expect(await benPanel.setSwitch().count()).toBe(0);
    await benPanel.mySwitch().click();
    await benMeetings.announced('Saved.');
    expect(await mine()).toBe(true);

    // 5. The facilitator switches the coach off for the set; Ben's room, reopened, says nothing.
    const farahPage = await signedIn('facilitator');
    const meetings = await new MeetingsTabPage(farahPage, baseUrl, setName).open(
      `/sets/${world.setId}/meetings`,
    );
    const panel = new CoachPanel(farahPage);
    await panel.switchSet(false);
    await meetings.auditState('meetings tab with the question coach switched off');
    await ben.open(`/meetings/${world.meetingId}/room`);
    await ben.waitForStep('Open questioning');
    await ben.questionField().fill('Have you tried saying no?');
    await benPage.waitForTimeout(1200);
    expect(await ben.coachHint().count()).toBe(0);
    expect(await benPage.getByRole('button', { name: /^Use this question/ }).count()).toBe(0);

    // 6. At the process review the set sees its share of open questions, and Ben his own, privately.
    await run(f, { type: 'stage.goto', index: stage('process-review') });
    await ben.waitForNow('Process review');
    const figures = new CoachPanel(benPage);
    const row = figures.sharesTable().locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('50%');
    await benPage.getByText('All meetings: 1 of 2 questions open (50%).').waitFor();
    await benPage.getByText('You asked 2 questions, 1 of them open (50%).').waitFor();
    expect(await figures.sharesTable().textContent()).not.toContain(people.ben.name);
    await ben.auditState('process review with the share of open questions');
    await saveScreenshot(benPage, 'coach-process-review');
  });
});
