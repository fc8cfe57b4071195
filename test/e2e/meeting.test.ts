import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  password,
  setUpHost,
  signInThroughApi,
} from './pages/api-setup.ts';
import { browserWithSession } from './pages/browsers.ts';
import { MeetingRoomPage } from './pages/meeting-room-page.ts';
import {
  ActionsTabPage,
  JournalTabPage,
  MeetingRecordPage,
  MeetingsTabPage,
  MyActionsPage,
  ProblemsTabPage,
} from './pages/meeting-set-pages.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const setName = 'Set Kestrel';
const people = {
  facilitator: { name: 'Farah Haddad', email: 'farah@example.org' },
  amara: { name: 'Amara Okafor', email: 'amara@example.org' },
  ben: { name: 'Ben Hughes', email: 'ben@example.org' },
  coordinator: { name: 'Ines Duarte', email: 'ines@example.org' },
};
const problem = {
  title: 'Getting two teams to share what they learn',
  story:
    'Our field and policy teams each learn a lot, but nothing crosses between them. I lead neither team.',
};

/** Builds the host, programme and set through the API as its admin: setup data, not the journey. */
async function seed(server: RunningServer, origin: string) {
  const host = await setUpHost(server, origin);
  const ids = await addPeopleWithAccounts(host, people, 'Learning lead');
  const programmeId = await createProgramme(
    host,
    { name: 'Leading Learning 2027', setSize: { min: 2, max: 8 } },
    ids.coordinator,
  );
  const setId = await createSet(host, programmeId, setName);
  await enrol(host, setId, { facilitator: ids.facilitator, members: [ids.amara, ids.ben] });
  return { setId };
}

describe('the action learning cycle, live (SQLite, Chromium)', () => {
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let setId: string;
  const contexts: BrowserContext[] = [];

  /**
   * A person in a browser of their own. The first signs in through the sign-in page; the others get
   * their session from the same endpoint the form posts to, which saves seconds of page loads.
   */
  const signedIn = async (
    who: { email: string } | null,
    options: Parameters<typeof newContext>[1] = {},
    how: 'form' | 'api' = 'api',
  ) => {
    const cookie = who && how === 'api' ? await signInThroughApi(server, baseUrl, who.email) : undefined;
    const page = await browserWithSession(browser, baseUrl, cookie, options);
    contexts.push(page.context());
    if (who && how === 'form') {
      await page.goto(`${baseUrl}/sign-in`);
      await new SignInPage(page, baseUrl).signIn(who.email, password);
      await page.waitForURL(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    }
    return page;
  };

  /** Full page from the top (the "now" band is sticky on a laptop), and a phone's first screen on its own. */
  const shoot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, name);
    const viewport = page.viewportSize();
    if (viewport && viewport.width < 600) await page.screenshot({ path: `test-results/${name}-screen.png` });
  };

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: false });
    ({ server, baseUrl } = journey);
    ({ setId } = await seed(server, baseUrl));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('runs a meeting from check-in to check-out, then reports back on its actions at the next', async () => {
    const [farahPage, amaraPage, benPage] = await Promise.all([
      signedIn(people.facilitator, {}, 'form'),
      // Amara joins from her phone.
      signedIn(people.amara, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }),
      signedIn(people.ben),
    ]);
    // Ben's network can be cut: his live socket drops and new ones cannot connect until the page reloads.
    await benPage.context().addInitScript(() => {
      const Real = window.WebSocket;
      const open = new Set<WebSocket>();
      let down = false;
      class Cuttable extends Real {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(down ? 'ws://127.0.0.1:9/' : url, protocols);
          open.add(this);
          this.addEventListener('close', () => open.delete(this));
        }
      }
      window.WebSocket = Cuttable;
      (window as unknown as { cutNetwork(): void }).cutNetwork = () => {
        down = true;
        for (const socket of open) socket.close();
      };
    });

    // 1. The facilitator schedules the meeting from the set's Meetings tab.
    await farahPage.goto(`${baseUrl}/sets/${setId}`);
    await farahPage.getByRole('navigation', { name: 'Set' }).getByRole('link', { name: 'Meetings' }).click();
    const farahMeetings = await new MeetingsTabPage(farahPage, baseUrl, setName).arrived();
    await farahMeetings.schedule({
      date: londonDate(1),
      time: '10:00',
      timeZone: 'Europe/London',
      place: 'Online',
    });
    await expect.poll(() => farahMeetings.upcoming().count()).toBe(1);
    expect(await farahMeetings.card(0).textContent()).toContain('3 of 3 expected');
    const roomPath = await farahMeetings.roomLink(0);
    expect(roomPath).toMatch(/^\/meetings\/[^/]+\/room$/);
    await shoot(farahPage, 'meeting-set-meetings');

    // 2. Before the meeting, Amara brings a problem, checking it against the intake questions.
    const amaraProblems = await new ProblemsTabPage(amaraPage, baseUrl, setName).goto(
      `/sets/${setId}/problems`,
    );
    await amaraProblems.bring({
      ...problem,
      checks: ['It is real', 'It is current', 'It is mine to act on'],
    });
    expect(await amaraProblems.myProblem(problem.title).textContent()).toContain('Is it open-ended?');
    await shoot(amaraPage, 'meeting-set-problems-phone');

    // 3. Everyone enters the room; nobody can move the meeting on but the facilitator.
    await farahMeetings.card(0).getByRole('link', { name: 'Enter the meeting room' }).click();
    const farah = await new MeetingRoomPage(farahPage, baseUrl).arrived();
    const [amara, ben] = await Promise.all([
      new MeetingRoomPage(amaraPage, baseUrl).open(roomPath),
      new MeetingRoomPage(benPage, baseUrl).open(roomPath),
    ]);
    await Promise.all([farah, amara, ben].map((room) => room.waitForPeopleHere(3)));
    expect(await ben.now()).toBe('Gathering');
    expect(await benPage.getByRole('button', { name: 'Start the meeting' }).count()).toBe(0);
    await shoot(farahPage, 'meeting-room-laptop-gathering');

    // 4. Opening: the ground rules are on everyone's screen.
    await farah.next('Start the meeting');
    await Promise.all([farah, amara, ben].map((room) => room.waitForNow('Opening')));
    await amaraPage.getByRole('heading', { name: 'Ground rules' }).waitFor();
    expect(
      await amaraPage.getByText('Confidentiality: what is said in the set stays in the set.').count(),
    ).toBe(1);
    await amara.auditState('room at the opening, on a phone');
    await shoot(amaraPage, 'meeting-room-phone-opening');

    // 5. Check-in: each says a word. A raised hand joins the speaking queue.
    await farah.next('Next: Check-in');
    await Promise.all([amara, ben].map((room) => room.waitForNow('Check-in')));
    await amara.checkIn('Curious');
    expect(await amara.focused()).toEqual({ tag: 'INPUT', value: '' });
    await ben.checkIn('Tired but here');
    await farah.checkIn('Glad');
    await ben.raiseHand();
    await farah.speakingQueue().getByText(people.ben.name, { exact: true }).waitFor();
    await farah.roundEntry('Check-ins', 'Curious').waitFor();

    // 6. Report back has nothing yet at a set's first meeting; then bidding for time.
    await farah.next('Next: Report back');
    await amaraPage.getByText('There are no actions from earlier meetings to report on.').waitFor();
    await farah.next('Next: Bidding for time');
    await Promise.all([amara, ben].map((room) => room.waitForNow('Bidding for time')));
    await amara.bid({
      minutes: 45,
      urgency: 'Very pressing',
      problem: problem.title,
      reason: 'A decision is due this month',
    });
    await ben.bid({ minutes: 20, urgency: 'Not pressing' });
    await expect.poll(() => farah.bidders()).toEqual([people.amara.name, people.ben.name]);
    expect(await farah.proposedOrder()).toEqual([people.amara.name, people.ben.name]);
    await farah.agreeOrder();
    await ben.page
      .getByRole('list', { name: 'Agreed order of presenters' })
      .getByText(people.amara.name)
      .waitFor();
    await farah.auditState('room during bidding, facilitator on a laptop');
    await shoot(farahPage, 'meeting-room-laptop-bidding');

    // 7. Amara presents: the six steps of her turn, the facilitator moving the set from step to step.
    await farah.next('Next: Presentations');
    await farah.next(`Next presenter: ${people.amara.name}`);
    await amara.page.getByRole('heading', { name: 'You have the floor' }).waitFor();
    await ben.waitForStep(`${people.amara.name} · Presenting`);
    expect(await ben.page.locator('.problem-card__title').textContent()).toBe(problem.title);

    await farah.next('Next: Clarifying questions');
    await ben.waitForStep('Clarifying questions');
    await ben.ask('How many people are in each team?');
    await amara.question('How many people are in each team?').waitFor();
    expect(await amara.page.getByLabel(/^Your (clarifying )?question$/).count()).toBe(0);

    await farah.next('Next: Open questioning');
    await ben.waitForStep('Open questioning');
    await ben.ask('Have you thought of a shared newsletter?', { expectCoach: true });
    // Ben mistypes a question and corrects it in place; the others see the correction arrive.
    const typo = 'What would it look like if the teams wanted to learn from eachother?';
    const corrected = 'What would it look like if the teams wanted to learn from each other?';
    await ben.ask(typo);
    await ben.openEditor(ben.question(typo));
    await ben.page.getByLabel('Edit the question', { exact: true }).fill('Never mind');
    await ben.auditState('a question being edited, on a laptop');
    await shoot(benPage, 'meeting-room-laptop-editing-question');
    await ben.page.keyboard.press('Escape');
    await expect.poll(() => ben.focusedText()).toBe(`Edit: ${typo}`);
    await ben.question(typo).waitFor();
    await ben.editQuestion(typo, corrected);
    await expect.poll(() => ben.focusedText()).toBe(`Edit: ${corrected}`);
    await amara.question(corrected).waitFor();
    await farah.question(corrected).waitFor();
    expect(await amara.question(typo).count()).toBe(0);
    // Only whoever asked (or the scribe) may change a question: not the presenter, not the facilitator.
    expect(await amara.question(corrected).getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await farah.question(corrected).getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await ben.ask('What do you gain by keeping things as they are?');
    await amara.markStruckHome('What do you gain by keeping things as they are?');
    await ben.question('What do you gain by keeping things as they are?').getByText('Struck home').waitFor();
    await amara.auditState('room in open questioning, presenter on a phone');
    await shoot(amaraPage, 'meeting-room-phone-questioning');
    await shoot(farahPage, 'meeting-room-laptop-questioning');

    await farah.next('Next: Reflection and reframing');
    await amara.waitForStep('Reflection and reframing');
    const reframed =
      'How can I make it worth each team’s while to learn from the other, without leading either?';
    await amara.reframe(reframed);
    await ben.page.locator('.problem-card__statement').filter({ hasText: reframed }).waitFor();
    await amara.page.getByText('How it has been stated (1 earlier version)').click();
    await amara.page.locator('.problem-card__history').getByText(problem.story).waitFor();

    await farah.next('Next: Ways forward and actions');
    await amara.waitForStep('Ways forward and actions');
    await amara.addAction('Ask both team leads what they would want from the other team', londonDate(14));
    await amara.addAction('Run a joint session', londonDate(21));
    await expect.poll(() => ben.actions()).toHaveLength(2);
    // Amara sharpens her second action and moves its date; Ben sees both change.
    const dueText = (room: MeetingRoomPage, text: string) =>
      room.actionItem(text).locator('.action-list__due').textContent();
    const dueBefore = await dueText(ben, 'Run a joint session');
    await amara.editAction(
      'Run a joint session',
      'Run one joint lunch-time session on a shared topic',
      londonDate(30),
      { whileOpen: () => shoot(amaraPage, 'meeting-room-phone-editing-action') },
    );
    await ben.actionItem('Run one joint lunch-time session on a shared topic').waitFor();
    await expect.poll(() => dueText(ben, 'Run one joint lunch-time session')).not.toBe(dueBefore);
    const dueAfter = await dueText(amara, 'Run one joint lunch-time session');
    expect(await dueText(ben, 'Run one joint lunch-time session')).toBe(dueAfter);
    expect(dueAfter).toContain(String(Number(londonDate(30).slice(8))));
    await expect
      .poll(() => amara.focusedText())
      .toBe('Edit: Run one joint lunch-time session on a shared topic');
    expect(await ben.actions()).toEqual([
      'Ask both team leads what they would want from the other team',
      'Run one joint lunch-time session on a shared topic',
    ]);
    expect(await ben.page.locator('.action-list').getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await shoot(farahPage, 'meeting-room-laptop-actions');

    await farah.next("Next: Presenter's feedback");
    await amara.waitForStep("Presenter's feedback");
    // One heading names the step, not two (issue 13).
    expect(await amara.page.getByRole('heading', { name: "Presenter's feedback", exact: true }).count()).toBe(
      1,
    );
    await amara.giveFeedback('The quiet after the questions helped me most.');
    await ben.page.getByText('The quiet after the questions helped me most.').waitFor();

    // 8. Process review and check-out, then the end.
    await farah.goToStage('Process review');
    await ben.addReviewNote('We kept to questions, with one near-miss on advice.');
    await amara.page.getByText('We kept to questions, with one near-miss on advice.').waitFor();
    await farah.next('Next: Check-out');
    await Promise.all([amara, ben].map((room) => room.waitForNow('Check-out')));
    await amara.checkOut('Lighter', 5);
    // Ben loses his connection as he checks out; what he typed waits, survives a reload, and arrives.
    await benPage.evaluate(() => (window as unknown as { cutNetwork(): void }).cutNetwork());
    await ben.connection().filter({ hasText: 'Connection lost' }).waitFor();
    await ben.page.getByRole('radio', { name: '4', exact: true }).check();
    await ben.say('Your check-out', 'Inspired', 'Check out');
    await ben.connection().filter({ hasText: '1 change will be sent when it is back' }).waitFor();
    expect(await farah.roundEntry('Check-outs', 'Inspired').count()).toBe(0);
    await benPage.reload();
    await ben.connection().filter({ hasText: 'Connected' }).waitFor();
    await farah.roundEntry('Check-outs', 'Inspired').waitFor();
    await ben.roundEntry('Check-outs', 'Inspired').waitFor();
    await farah.roundEntry('Check-outs', 'Lighter').waitFor();
    await farah.endMeeting();
    await Promise.all([amara, ben].map((room) => room.waitForNow('The meeting has ended')));
    await shoot(amaraPage, 'meeting-room-phone-ended');

    // 9. Amara's record of the meeting: her reframe, the question that struck home, her two actions.
    await amara.page.getByRole('link', { name: 'Open your meeting record' }).click();
    const record = await new MeetingRecordPage(amaraPage, baseUrl).arrived();
    const turn = record.section(`Your problem: ${problem.title}`);
    expect(await turn.textContent()).toContain(reframed);
    expect(await turn.locator('li.is-struck').textContent()).toContain(
      'What do you gain by keeping things as they are?',
    );
    expect(await turn.textContent()).toContain('2 actions before the next meeting');
    const markdown = await record.download();
    expect(markdown.href).toMatch(/^blob:/);
    expect(markdown.filename).toBe(`meeting-record-${londonDate(1)}.md`);
    const pdf = await record.download('PDF');
    expect(pdf.filename).toBe(`meeting-record-${londonDate(1)}.pdf`);
    const fetched = await amaraPage.request.get(new URL(pdf.href, baseUrl).href);
    expect(fetched.headers()['content-type']).toBe('application/pdf');
    expect((await fetched.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await shoot(amaraPage, 'meeting-record-phone');

    // 10. Her journal: private unless she shares an entry; Ben sees only what she shares.
    const journal = await new JournalTabPage(amaraPage, baseUrl, setName).goto(`/sets/${setId}/journal`);
    await journal.write({
      'What I learned about my problem': 'It is not about information; it is about incentives.',
    });
    await journal.write(
      { 'What I learned about myself': 'I jump to solutions when I am anxious.' },
      { share: true },
    );
    await expect.poll(() => journal.entries('Your entries').count()).toBe(2);
    const benJournal = await new JournalTabPage(benPage, baseUrl, setName).open(`/sets/${setId}/journal`);
    await benJournal.entries('Shared with the set').first().waitFor();
    expect(await benJournal.entries('Shared with the set').count()).toBe(1);
    expect(await benPage.getByText('It is not about information').count()).toBe(0);

    // 11. The next meeting: Ben sends apologies; the facilitator sees them with his note.
    await farahPage.goto(`${baseUrl}/sets/${setId}/meetings`);
    await new MeetingsTabPage(farahPage, baseUrl, setName).arrived();
    await farahMeetings.schedule({ date: londonDate(35), time: '14:00', timeZone: 'Europe/London' });
    await expect.poll(() => farahMeetings.upcoming().count()).toBe(1);
    const benMeetings = await new MeetingsTabPage(benPage, baseUrl, setName).open(`/sets/${setId}/meetings`);
    await benMeetings.sendApologies(0, 'Board meeting that afternoon');
    await farahPage.reload();
    await farahMeetings.card(0).waitFor();
    expect(await farahMeetings.attendanceOf(0, people.ben.name)).toContain('Apologies');
    expect(await farahMeetings.attendanceOf(0, people.ben.name)).toContain('Board meeting that afternoon');
    expect(await farahMeetings.card(0).textContent()).toContain('2 of 3 expected');
    const secondRoom = await farahMeetings.roomLink(0);
    expect(secondRoom).not.toBe(roomPath);

    // 12. It opens with report back on the two actions, and Amara records how they went.
    await farahMeetings.card(0).getByRole('link', { name: 'Enter the meeting room' }).click();
    await farah.waitForNow('Gathering');
    await amara.open(secondRoom);
    await farah.waitForPeopleHere(2);
    await farah.next('Start the meeting');
    await farah.goToStage('Report back');
    await amara.waitForNow('Report back');
    expect(await amara.reportBackItems('Your actions')).toEqual([
      'Ask both team leads what they would want from the other team',
      'Run one joint lunch-time session on a shared topic',
    ]);
    expect(await farah.reportBackItems(`${people.amara.name}'s actions`)).toHaveLength(2);
    await amara.auditState('report back, on a phone');
    await amara.reportOutcome(
      'Ask both team leads what they would want from the other team',
      'Done',
      'They want the same thing.',
    );
    await amara.reportOutcome('Run one joint lunch-time session on a shared topic', 'Partly done');
    await farah.page.getByText('2 of 2 actions reported on').waitFor();
    await shoot(amaraPage, 'meeting-room-phone-report-back');

    // 13. Her actions across programmes show the outcomes.
    const mine = await new MyActionsPage(amaraPage, baseUrl).goto('/me/actions');
    expect(await mine.card('Ask both team leads').textContent()).toContain('Done');
    expect(await mine.card('Ask both team leads').textContent()).toContain('They want the same thing.');
    expect(await mine.card('Run one joint lunch-time session').textContent()).toContain('Partly done');
    await shoot(amaraPage, 'meeting-my-actions-phone');

    // 14. The set sees her actions and how they went; only she can change them.
    const setActions = await new ActionsTabPage(benPage, baseUrl, setName).goto(`/sets/${setId}/actions`);
    const hers = setActions.owner(people.amara.name);
    expect(await hers.locator('li.action-card').count()).toBe(2);
    expect(await hers.textContent()).toContain('They want the same thing.');
    expect(await hers.getByRole('button').count()).toBe(0);
    await farahPage.goto(`${baseUrl}/sets/${setId}/meetings`);
    await farahMeetings.card(0).waitFor();
    await shoot(farahPage, 'meeting-set-meetings-after');
  }, 300_000);

  it('keeps coordinators out of the room and sends anonymous visitors to sign in', async () => {
    const meeting = await server.ctx.store.plain
      .selectFrom('meeting')
      .select('id')
      .where('set_id', '=', setId)
      .executeTakeFirstOrThrow();
    const roomPath = `/meetings/${meeting.id}/room`;

    const ines: Page = await signedIn(people.coordinator);
    await ines.goto(`${baseUrl}${roomPath}`);
    await ines.getByRole('heading', { level: 1, name: 'This room is for the set only' }).waitFor();
    const text = (await ines.locator('main').textContent()) ?? '';
    for (const secret of [problem.title, 'Curious', 'Ground rules', 'Struck home', people.amara.name]) {
      expect(text).not.toContain(secret);
    }
    await new MeetingRoomPage(ines, baseUrl).auditState('the room, as a coordinator sees it');
    await shoot(ines, 'meeting-room-coordinator');

    const anonymous = await signedIn(null);
    await anonymous.goto(`${baseUrl}${roomPath}`);
    await anonymous.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(anonymous.url()).searchParams.get('next')).toBe(roomPath);
    await anonymous.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  }, 60_000);
});
