// Feedback in the browser: members give pulses after a meeting (one by keyboard alone), the set sees only
// "not enough answers yet" below K; the coordinator builds and opens the final review, nine participants
// answer it, the coordinator opens the report with its charts, exports the PDF and publishes it; a member
// then reads the published report, which carries no one's own answers.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { pdfText } from '../support/pdf-text.ts';
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
import { ReportPage, ReviewPage, ReviewsTabPage, SetMeetingsPulsePage } from './pages/feedback-pages.ts';

const programmeName = 'Leading Learning 2027';
const reviewTitle = 'End of year review';
const people = {
  coordinator: { name: 'Ines Duarte', email: 'ines@example.org' },
  farah: { name: 'Farah Haddad', email: 'farah@example.org' },
  amara: { name: 'Amara Okafor', email: 'amara@example.org' },
  ben: { name: 'Ben Hughes', email: 'ben@example.org' },
  chidi: { name: 'Chidi Eze', email: 'chidi@example.org' },
  dana: { name: 'Dana Novak', email: 'dana@example.org' },
  gita: { name: 'Gita Rao', email: 'gita@example.org' },
  eli: { name: 'Eli Stone', email: 'eli@example.org' },
  femi: { name: 'Femi Adeyemi', email: 'femi@example.org' },
  hana: { name: 'Hana Sato', email: 'hana@example.org' },
};
type Who = keyof typeof people;
const participants: Who[] = ['farah', 'amara', 'ben', 'chidi', 'dana', 'gita', 'eli', 'femi', 'hana'];
const day = 86_400_000;

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
  await enrol(host, kestrel, {
    facilitator: ids.farah,
    members: (['amara', 'ben', 'chidi', 'dana'] as Who[]).map((who) => ids[who]),
  });
  await enrol(host, heron, {
    facilitator: ids.gita,
    members: (['eli', 'femi', 'hana'] as Who[]).map((who) => ids[who]),
  });
  // A meeting of Set Kestrel two days ago (scheduled while the server's clock ran three days behind):
  // over, so its pulse is open.
  const meetingId = await scheduleMeeting(host, kestrel, -2, host.admin);
  return { programmeId, kestrel, heron, meetingId, ids };
}

describe('pulses and the programme review (SQLite, Chromium)', () => {
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let world: Awaited<ReturnType<typeof seed>>;
  /** The server's clock runs this far ahead of real time: behind while seeding a meeting in the past. */
  let ahead = -3 * day;
  const contexts: BrowserContext[] = [];
  const cookies = new Map<Who, string>();

  const cookieOf = async (who: Who) => {
    const known = cookies.get(who);
    if (known) return known;
    const cookie = await signInThroughApi(server, baseUrl, people[who].email);
    cookies.set(who, cookie);
    return cookie;
  };
  const api = async (who: Who, method: 'GET' | 'PUT', url: string, payload?: object) => {
    const response = await server.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { origin: baseUrl, cookie: await cookieOf(who) },
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response;
  };
  const signedIn = async (who: Who): Promise<Page> => {
    const page = await browserWithSession(browser, baseUrl, await cookieOf(who));
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
    ahead = 0;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('takes pulses and the final review to a published report with charts', {
    timeout: 420_000,
  }, async () => {
    // 1. After the meeting Amara gives her pulse by keyboard alone; three more members answer.
    const amaraPage = await signedIn('amara');
    const amara = await new SetMeetingsPulsePage(amaraPage, baseUrl).goto(`/sets/${world.kestrel}/meetings`);
    await amara.answerByKeyboard(4, 5, 'We listened well today');
    await amara.auditState('the pulse form once answered');
    for (const [who, useful] of [
      ['ben', 3],
      ['chidi', 5],
      ['dana', 4],
    ] as [Who, number][])
      await api(who, 'PUT', `/api/meetings/${world.meetingId}/pulse`, { useful, safe: 4, comment: '' });
    // Four answers, K is 5: the facilitator sees no figures and no comment, and cannot answer.
    const farahPage = await signedIn('farah');
    const farah = await new SetMeetingsPulsePage(farahPage, baseUrl).goto(`/sets/${world.kestrel}/meetings`);
    expect(await farah.summary()).toContain('Not enough answers yet (4 of the 5 needed)');
    expect(await farah.pulse().innerText()).not.toContain('We listened well today');
    expect(await farah.pulse().getByRole('radio').count()).toBe(0);
    // The set's trend per meeting says the same, never a figure below K.
    const trend = farahPage.getByRole('table', { name: 'Your set Set Kestrel: pulses per meeting' });
    expect(await trend.getByRole('cell').nth(1).textContent()).toBe('not enough answers yet');
    await saveScreenshot(farahPage, 'review-pulse-facilitator');

    // 2. The coordinator starts the final review from the template and opens it for two weeks.
    const inesPage = await signedIn('coordinator');
    const tab = await new ReviewsTabPage(inesPage, baseUrl, programmeName).goto(
      `/programmes/${world.programmeId}/reviews`,
    );
    await tab.start(reviewTitle);
    const builder = await new ReviewPage(inesPage, baseUrl, reviewTitle).arrived();
    // Opens yesterday and closes in a fortnight, whatever the browser's time zone.
    await builder.setDates(`${londonDate(-1)}T09:00`, `${londonDate(14)}T17:00`);
    await builder.auditState('the review builder, saved and open');
    const reviewId = new URL(inesPage.url()).pathname.split('/')[2]!;

    // 3. Nine participants answer: Amara in the browser (one quotable comment, one not), eight more by API.
    const amaraReview = await new ReviewPage(amaraPage, baseUrl, reviewTitle).goto(`/reviews/${reviewId}`);
    await amaraReview.pick('1. Overall, how worthwhile has taking part in your set been?', '5 (very)');
    await amaraReview.write(
      '2. What made the meetings work well, or not, for you?',
      'Colleagues from other charities asked what my own team never asks',
      true,
    );
    await amaraReview.write(
      '4. What is the most important thing you have learned?',
      'My director blocks every change I try',
      false,
    );
    await amaraReview.send();
    const scores = [4, 4, 3, 5, 2, 4, 5, 3];
    for (const [i, who] of participants.filter((p) => p !== 'amara').entries())
      await api(who, 'PUT', `/api/reviews/${reviewId}/answers`, {
        answers: [
          { questionId: 'q1', value: scores[i] },
          { questionId: 'q9', value: Math.min(5, scores[i]! + 1) },
          { questionId: 'q6', value: i % 4 },
          ...(i === 0
            ? [{ questionId: 'q2', value: 'Learning when it was not my turn', quotable: true }]
            : []),
        ],
      });

    // 4. The coordinator opens the report: charts drawn, figures beside them, quotes only by consent.
    const report = await new ReportPage(inesPage, baseUrl, `${reviewTitle}: report`).goto(
      `/reviews/${reviewId}/report`,
    );
    const charts = await report.charts();
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/^9 answers, mean 3\.89 on 1 to 5/);
    const text = await report.text();
    expect(text).toContain('9 of 9 participants answered (100%).');
    expect(text).toContain('Colleagues from other charities asked what my own team never asks');
    expect(text).toContain('Learning when it was not my turn');
    expect(text).not.toContain('My director blocks');
    for (const p of Object.values(people)) expect(text).not.toContain(p.name);
    await report.auditState('the report with its charts drawn');
    await saveScreenshot(inesPage, 'review-report-coordinator');

    // The PDF carries the same figures and its charts.
    const download = inesPage.waitForEvent('download');
    await inesPage.getByRole('link', { name: 'Download PDF' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const pdf = await readFile(file!);
    const pdfWords = pdfText(pdf);
    expect(pdfWords).toContain(`${reviewTitle}: report`);
    expect(pdfWords).toMatch(/9 answers, mean 3\.89/);
    expect(pdfWords).not.toContain('My director blocks');

    // Before publication a member cannot read it.
    const benPage = await signedIn('ben');
    await benPage.goto(new URL(`/reviews/${reviewId}/report`, baseUrl).href);
    await benPage.getByRole('alert').filter({ hasText: 'The report is not published yet.' }).waitFor();
    expect(await benPage.locator('main').innerText()).not.toContain('Colleagues from other charities');

    await report.publish();

    // 5. Published: Ben reads it, with the aggregates and consented quotes, and no one's own answers.
    const benReport = await new ReportPage(benPage, baseUrl, `${reviewTitle}: report`).goto(
      `/reviews/${reviewId}/report`,
    );
    const benText = await benReport.text();
    expect(benText).toContain('9 of 9 participants answered (100%).');
    expect(benText).not.toContain('My director blocks');
    expect(benText).not.toContain('Publish to all participants');
    for (const p of Object.values(people)) expect(benText).not.toContain(p.name);
    await benReport.charts();
    await saveScreenshot(benPage, 'review-report-member');
  });
});
