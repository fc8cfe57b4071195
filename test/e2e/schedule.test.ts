import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import { type JourneyServer, startJourneyServer } from '../support/journey-server.ts';
import { type CaughtMail, extractLink, type SmtpCatcher } from '../support/smtp.ts';
import {
  addPeopleWithAccounts,
  createProgramme,
  createSet,
  enrol,
  password,
  setUpHost,
  signInThroughApi,
} from './pages/api-setup.ts';
import { browserWithSession } from './pages/browsers.ts';
import { SettingsPage } from './pages/home-pages.ts';
import { ProgrammePage } from './pages/programme-page.ts';
import {
  NewPollPage,
  NewProgrammePollPage,
  PollPage,
  SetSchedulePage,
  UpcomingPage,
} from './pages/schedule-pages.ts';
import { SetPage } from './pages/set-page.ts';
import { signInWithTheForm } from './pages/sign-in-page.ts';

const programmeName = 'Leading Learning 2027';
const setName = 'Set Kestrel';
const people = {
  coordinator: { name: 'Ines Duarte', email: 'ines@example.org', timeZone: 'Europe/London' },
  facilitator: { name: 'Farah Haddad', email: 'farah@example.org', timeZone: 'Europe/London' },
  amara: { name: 'Amara Okafor', email: 'amara@example.org', timeZone: 'Europe/London' },
  ben: { name: 'Ben Hughes', email: 'ben@example.org', timeZone: 'America/New_York' },
  chloe: { name: 'Chloe Tan', email: 'chloe@example.org', timeZone: 'Australia/Sydney' },
};
type Who = (typeof people)[keyof typeof people];

// The coordinator proposes two first meetings in London time, two hours, every four weeks until May.
// 3 March is before every change; New York springs forward on 14 March, London on 28 March, and
// Sydney falls back on 4 April, so the four meetings land at different local times in Sydney.
const optionA = '2027-03-03T21:00';
const optionB = '2027-03-04T13:00';
const seen = {
  amara: { a: 'Wed, 3 Mar 2027, 21:00–23:00', b: 'Thu, 4 Mar 2027, 13:00–15:00' },
  ben: { a: 'Wed, 3 Mar 2027, 16:00–18:00', b: 'Thu, 4 Mar 2027, 08:00–10:00' },
  chloe: { a: 'Thu, 4 Mar 2027, 08:00–10:00', b: 'Fri, 5 Mar 2027, 00:00–02:00' },
};
// The series that option A creates, as each member's upcoming view shows it.
const series = {
  ben: [
    'Wed, 3 Mar 2027, 16:00–18:00 (your time; 21:00–23:00 United Kingdom Time)',
    'Wed, 31 Mar 2027, 16:00–18:00 (your time; 21:00–23:00 United Kingdom Time)',
    'Wed, 28 Apr 2027, 16:00–18:00 (your time; 21:00–23:00 United Kingdom Time)',
    'Wed, 26 May 2027, 16:00–18:00 (your time; 21:00–23:00 United Kingdom Time)',
  ],
  chloe: [
    'Thu, 4 Mar 2027, 08:00–10:00 (your time; Wed, 3 Mar 2027, 21:00–23:00 United Kingdom Time)',
    'Thu, 1 Apr 2027, 07:00–09:00 (your time; Wed, 31 Mar 2027, 21:00–23:00 United Kingdom Time)',
    'Thu, 29 Apr 2027, 06:00–08:00 (your time; Wed, 28 Apr 2027, 21:00–23:00 United Kingdom Time)',
    'Thu, 27 May 2027, 06:00–08:00 (your time; Wed, 26 May 2027, 21:00–23:00 United Kingdom Time)',
  ],
};
const apologyNote = 'Flying back from a conference that week.';
// The programme-wide gathering: two Wednesdays in June, London time (summer time, UTC+01:00).
const gatheringA = '2027-06-09T14:00';
const gatheringB = '2027-06-16T14:00';

/** Builds the host, people (each with their own time zone), programme and set: setup, not the journey. */
async function seed(server: RunningServer, origin: string) {
  const host = await setUpHost(server, origin);
  const ids = await addPeopleWithAccounts(host, people, 'Learning lead');
  const programmeId = await createProgramme(
    host,
    { name: programmeName, setSize: { min: 2, max: 8 } },
    ids.coordinator,
  );
  const setId = await createSet(host, programmeId, setName);
  await enrol(host, setId, { facilitator: ids.facilitator, members: [ids.amara, ids.ben, ids.chloe] });
  return { programmeId, setId };
}

/** An .ics read with ical.js: its time zones and each event's start (wall clock, zone, instant). */
function readCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const zones = component.getAllSubcomponents('vtimezone').map((tz) => {
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    return String(tz.getFirstPropertyValue('tzid'));
  });
  const events = component
    .getAllSubcomponents('vevent')
    .map((v) => {
      const event = new ICAL.Event(v);
      const start = v.getFirstProperty('dtstart');
      return {
        summary: event.summary,
        tzid: String(start?.getParameter('tzid') ?? ''),
        wallClock: event.startDate.toString().slice(0, 16),
        startsAt: event.startDate.toJSDate().toISOString(),
        endsAt: event.endDate.toJSDate().toISOString(),
        status: String(v.getFirstPropertyValue('status') ?? ''),
        description: event.description ?? '',
      };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { zones, events };
}

describe('a year of meetings: poll, series, feed, apologies, a programme event (SQLite, real SMTP, Chromium)', () => {
  let catcher: SmtpCatcher;
  let journey: JourneyServer | undefined;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let ids: { programmeId: string; setId: string };
  const contexts: BrowserContext[] = [];

  /** A person in a browser of their own, in their own zone, signed in through the endpoint the form uses. */
  const signedIn = async (who: Who): Promise<Page> => {
    const cookie = await signInThroughApi(server, baseUrl, who.email);
    const page = await browserWithSession(browser, baseUrl, cookie, { timezoneId: who.timeZone });
    contexts.push(page.context());
    return page;
  };
  const mailTo = (who: Who, subject: RegExp): Promise<CaughtMail> =>
    catcher.waitFor((m) => m.envelope.to.includes(who.email) && subject.test(m.subject ?? ''), 20_000);

  beforeAll(async () => {
    journey = await startJourneyServer({ mail: true });
    ({ server, baseUrl } = journey);
    catcher = journey.catcher!;
    ids = await seed(server, baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await journey?.close();
  });

  it('finds the slot by poll across three time zones, creates the series, feeds it and takes apologies', async () => {
    // 1. The coordinator signs in, finds the set from the programme and opens its schedule tab.
    const ines = await browserWithSession(browser, baseUrl, undefined, { timezoneId: 'Europe/London' });
    contexts.push(ines.context());
    await signInWithTheForm(ines, baseUrl, people.coordinator.email, password);
    await ines.getByRole('link', { name: programmeName, exact: true }).first().click();
    const programme = await new ProgrammePage(ines, baseUrl, programmeName).arrived();
    await ines.getByRole('link', { name: setName }).click();
    await new SetPage(ines, baseUrl, setName).arrived();
    await ines.getByRole('navigation', { name: 'Set' }).getByRole('link', { name: 'Schedule' }).click();
    const schedule = await new SetSchedulePage(ines, baseUrl, setName).arrived();
    await ines.getByText('No meetings scheduled yet').waitFor();

    // 2. She asks the set for its regular slot: two first meetings in London time.
    await schedule.findRegularSlot();
    const newPoll = await new NewPollPage(ines, baseUrl).arrived();
    await newPoll.ask({
      timeZone: 'Europe/London',
      options: [optionA, optionB],
      everyWeeks: 4,
      hours: 2,
      until: '2027-05-31',
    });
    const inesPoll = await new PollPage(ines, baseUrl, 'Our regular meeting slot').arrived();
    expect(await inesPoll.optionLabels()).toEqual([seen.amara.a, seen.amara.b]);
    expect(await ines.getByText('0 of 4 people have answered.').count()).toBe(1);

    // 3. Each member answers from the link in their own mail, which shows the times in their zone.
    const answers = {
      amara: { a: 'If need be', b: 'Yes' },
      ben: { a: 'Yes', b: 'Yes' },
      chloe: { a: 'Yes', b: 'No' },
    } as const;
    const pages = {} as Record<keyof typeof answers, Page>;
    for (const key of ['amara', 'ben', 'chloe'] as const) {
      const who = people[key];
      const mail = await mailTo(who, /^When can you meet\? /);
      const zoneName = {
        amara: 'United Kingdom Time',
        ben: 'Eastern Time',
        chloe: 'Australian Eastern Time',
      }[key];
      expect(mail.text).toContain(`(${zoneName})`);
      const page = await signedIn(who);
      pages[key] = page;
      await page.goto(extractLink(mail, /\/polls\/[0-9a-f-]+$/));
      const poll = await new PollPage(page, baseUrl, 'Our regular meeting slot').arrived();
      expect(await page.getByText(`Times are in your time zone, ${who.timeZone}.`).count()).toBe(1);
      expect(await poll.optionTimes()).toEqual([seen[key].a, seen[key].b]);
      if (key !== 'amara')
        // Away from London, the organiser's own time is shown beside one's own.
        await poll
          .option(seen[key].a)
          .getByText(
            key === 'ben'
              ? '21:00–23:00 in United Kingdom Time'
              : 'Wed, 3 Mar 2027, 21:00–23:00 in United Kingdom Time',
          )
          .waitFor();
      await poll.answer({ [seen[key].a]: answers[key].a, [seen[key].b]: answers[key].b });
      if (key === 'chloe') await saveScreenshot(page, 'schedule-poll-member');
    }

    // 4. Both options have two yeses; A has no "no", so it is suggested. The coordinator confirms it.
    await ines.reload();
    await inesPoll.arrived();
    expect(await inesPoll.tally(seen.amara.a)).toBe('Yes 2 · If need be 1 · No 0');
    expect(await inesPoll.tally(seen.amara.b)).toBe('Yes 2 · If need be 0 · No 1');
    expect(await inesPoll.optionLabels()).toEqual([`${seen.amara.a} Suggested`, seen.amara.b]);
    await ines.getByText('3 of 4 people have answered.').waitFor();
    await inesPoll.confirm(seen.amara.a);
    expect((await inesPoll.optionLabels())[0]).toBe(`${seen.amara.a} Suggested Chosen`);
    await saveScreenshot(ines, 'schedule-poll-confirmed');

    // 5. Everyone hears the result and gets the series; Ben's invitation gives each time in New York.
    await mailTo(people.ben, /^Decided: Our regular meeting slot$/);
    const invitation = await mailTo(people.ben, new RegExp(`^${setName}: 4 meetings scheduled$`));
    for (const line of [
      'Wed, 3 Mar 2027, 16:00–18:00 (Eastern Time)',
      'Wed, 31 Mar 2027, 16:00–18:00 (Eastern Time)',
    ])
      expect(invitation.text).toContain(line);
    expect(invitation.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);

    // 6. In their upcoming views the four meetings are at their own local times, DST and all.
    const chloe = pages.chloe;
    const chloeUpcoming = await new UpcomingPage(chloe, baseUrl).goto('/upcoming');
    expect(await chloeUpcoming.meetingTimes()).toEqual(series.chloe);
    const ben = pages.ben;
    const benUpcoming = await new UpcomingPage(ben, baseUrl).goto('/upcoming');
    expect(await benUpcoming.meetingTimes()).toEqual(series.ben);

    // 7. Ben subscribes to his feed: the address shown serves every meeting, in London time with its
    //    VTIMEZONE, and nothing of the set's content.
    //    The feed now lives in My settings, one click from Upcoming.
    await ben
      .getByRole('link', { name: 'Emails, reminders and your calendar feed are in My settings.' })
      .click();
    const benSettings = await new SettingsPage(ben, baseUrl).arrived();
    const feedUrl = await benSettings.createFeed();
    expect(feedUrl.startsWith(`${baseUrl}/`)).toBe(true);
    const response = await fetch(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const feed = readCalendar(await response.text());
    expect(feed.zones).toContain('Europe/London');
    expect(feed.events.map((e) => [e.tzid, e.wallClock, e.startsAt, e.endsAt])).toEqual([
      ['Europe/London', '2027-03-03T21:00', '2027-03-03T21:00:00.000Z', '2027-03-03T23:00:00.000Z'],
      ['Europe/London', '2027-03-31T21:00', '2027-03-31T20:00:00.000Z', '2027-03-31T22:00:00.000Z'],
      ['Europe/London', '2027-04-28T21:00', '2027-04-28T20:00:00.000Z', '2027-04-28T22:00:00.000Z'],
      ['Europe/London', '2027-05-26T21:00', '2027-05-26T20:00:00.000Z', '2027-05-26T22:00:00.000Z'],
    ]);
    for (const event of feed.events) {
      expect(event.summary).toContain(setName);
      expect(event.status).toBe('CONFIRMED');
    }

    // 8. Chloe sends apologies for the meeting on her 1 April, with a note to the set.
    await chloe.reload();
    await chloeUpcoming.arrived();
    await chloeUpcoming.sendApologies(series.chloe[1]!, apologyNote);
    await chloe.reload();
    await chloeUpcoming.meeting(series.chloe[1]!).getByText('Apologies sent').waitFor();
    await saveScreenshot(chloe, 'schedule-upcoming-member');

    // 9. The facilitator sees three expected and Chloe's note on 31 March, in her London time.
    const farah = await signedIn(people.facilitator);
    const farahSchedule = await new SetSchedulePage(farah, baseUrl, setName).goto(
      `/sets/${ids.setId}/schedule`,
    );
    const rows = await farahSchedule.rows();
    expect(rows).toEqual([
      ['Wed, 3 Mar 2027, 21:00–23:00', '4', ''],
      ['Wed, 31 Mar 2027, 21:00–23:00', '3', `${people.chloe.name}: ${apologyNote}`],
      ['Wed, 28 Apr 2027, 21:00–23:00', '4', ''],
      ['Wed, 26 May 2027, 21:00–23:00', '4', ''],
    ]);

    // 10. From 28 April the set meets an hour earlier in London: the facilitator changes the series from
    //     then on. The two meetings before stay; the others move, Chloe's apology stays with its meeting,
    //     and Ben hears of each move in New York time.
    await farahSchedule.changeRegularTime({ date: '2027-04-28', time: '20:00' });
    await farah.getByRole('cell', { name: 'Wed, 26 May 2027, 20:00–22:00' }).waitFor();
    await saveScreenshot(farah, 'schedule-set-facilitator');
    expect((await farahSchedule.rows()).map((r) => r.slice(0, 2))).toEqual([
      ['Wed, 3 Mar 2027, 21:00–23:00', '4'],
      ['Wed, 31 Mar 2027, 21:00–23:00', '3'],
      ['Wed, 28 Apr 2027, 20:00–22:00', '4'],
      ['Wed, 26 May 2027, 20:00–22:00', '4'],
    ]);
    const moved = await mailTo(people.ben, /^Changed: Set Kestrel now meets on /);
    expect(moved.text).toMatch(/Wed, (28 Apr|26 May) 2027, 15:00–17:00 \(your time;/);
    const refetched = readCalendar(await (await fetch(feedUrl)).text());
    expect(refetched.events.map((e) => e.wallClock)).toEqual([
      '2027-03-03T21:00',
      '2027-03-31T21:00',
      '2027-04-28T20:00',
      '2027-05-26T20:00',
    ]);

    // 11. The coordinator sees the same attendance but not the note, which is the set's own; the
    //     programme calendar counts the apology.
    await schedule.goto(`/sets/${ids.setId}/schedule`);
    expect((await schedule.rows())[1]).toEqual(['Wed, 31 Mar 2027, 21:00–23:00', '3', people.chloe.name]);
    expect(await ines.getByText(apologyNote).count()).toBe(0);
    await ines.goto(`${baseUrl}/programmes/${ids.programmeId}`);
    await programme.arrived();
    await programme.tab('Calendar');
    const calendar = ines.getByRole('table', { name: 'Programme calendar' });
    const calendarRows = await calendar.locator('tbody tr').all();
    expect(calendarRows).toHaveLength(4);
    expect((await calendarRows[1]!.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([
      'Wed, 31 Mar 2027, 21:00–23:00',
      setName,
      '',
      '1',
    ]);

    // 12. A date for the whole programme: from the calendar the coordinator proposes two dates in the
    //     programme-wide poll form. A repeated time is explained at its field; options are added and
    //     removed from the keyboard, and focus follows.
    await ines.getByText('No programme-wide polls are open.').waitFor();
    await ines.getByRole('link', { name: 'Propose a programme date' }).click();
    const proposal = await new NewProgrammePollPage(ines, baseUrl, programmeName).arrived();
    await proposal.fill({
      title: 'Programme gathering',
      timeZone: 'Europe/London',
      options: [gatheringA, gatheringA],
      place: 'Friends House, London',
    });
    await proposal.submit();
    await proposal.errorSummary().waitFor();
    expect(await proposal.fieldError('Option 2')).toBe(
      'Error: Option 2 is the same time as an earlier option',
    );
    await proposal.auditState('the programme poll form with an error at an option');
    await saveScreenshot(ines, 'schedule-programme-poll-form');
    await proposal.addOptionByKeyboard();
    await expect.poll(() => proposal.option(3).evaluate((el) => el === document.activeElement)).toBe(true);
    await proposal.removeOptionByKeyboard(3);
    await expect.poll(() => proposal.option(2).evaluate((el) => el === document.activeElement)).toBe(true);
    await proposal.option(2).fill(gatheringB);
    await proposal.submit();
    const gatheringPoll = await new PollPage(ines, baseUrl, 'Programme gathering').arrived();
    await ines.getByText('0 of 4 people have answered.').waitFor();

    // 13. Ben answers from the link in his mail, in New York time; the poll is listed as open on the
    //     programme calendar, and the coordinator confirms the suggested date from there.
    const benInvite = await mailTo(people.ben, /^When can you meet\? Programme gathering$/);
    await ben.goto(extractLink(benInvite, /\/polls\/[0-9a-f-]+$/));
    const benGathering = await new PollPage(ben, baseUrl, 'Programme gathering').arrived();
    expect(await benGathering.optionTimes()).toEqual([
      'Wed, 9 Jun 2027, 09:00–12:00',
      'Wed, 16 Jun 2027, 09:00–12:00',
    ]);
    await benGathering.answer({
      'Wed, 9 Jun 2027, 09:00–12:00': 'Yes',
      'Wed, 16 Jun 2027, 09:00–12:00': 'No',
    });
    await ines.goto(`${baseUrl}/programmes/${ids.programmeId}/calendar`);
    const openPoll = ines.locator('[data-poll]');
    await openPoll.getByText('2 dates proposed. 1 of 4 people have answered.').waitFor();
    await programme.auditState('programme calendar with an open poll');
    await saveScreenshot(ines, 'schedule-programme-open-poll');
    await openPoll.getByRole('link', { name: 'Programme gathering' }).click();
    await gatheringPoll.arrived();
    await gatheringPoll.confirm('Wed, 9 Jun 2027, 14:00–17:00');
    await ines.getByText('The date is decided: it is in the programme calendar').waitFor();
    const decided = await mailTo(people.ben, /^Decided: Programme gathering$/);
    expect(decided.text).toContain('Wed, 9 Jun 2027, 09:00–12:00 (your time;');
    const ics = decided.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    expect(readCalendar(ics.content.toString('utf8')).events.map((e) => [e.summary, e.wallClock])).toEqual([
      [`${programmeName}: Programme gathering`, '2027-06-09T14:00'],
    ]);
    await ines.goto(`${baseUrl}/programmes/${ids.programmeId}/calendar`);
    const gathering = ines.locator('[data-event]', {
      has: ines.getByRole('heading', { name: `Programme gathering (${programmeName})` }),
    });
    await gathering.getByText('Where: Friends House, London').waitFor();
    await ines.getByText('No programme-wide polls are open.').waitFor();
    await gathering.getByRole('button', { name: 'Cancel Programme gathering' }).waitFor();
    await programme.auditState('programme calendar with a programme event');
    await saveScreenshot(ines, 'schedule-programme-event');
  });
});
