import { describe, expect, it } from 'vitest';
import {
  dayIn,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatDay,
  formatRange,
  formatRelative,
  formatTime,
  localeOf,
  meetingWhen,
  meetingWhenText,
  zoneName,
} from './format.ts';

// Fixed instants, no clock: a London meeting on Thu 4 March 2027 at 09:00–12:00 (GMT, UTC+0), and the
// same wall-clock meeting on 18 March, after New York moved to summer time (14 March) but before London
// (28 March): the gap between the two shrinks from 5 hours to 4.
const march4 = {
  startsAt: '2027-03-04T09:00:00.000Z',
  endsAt: '2027-03-04T12:00:00.000Z',
  timeZone: 'Europe/London',
};
const march18 = {
  startsAt: '2027-03-18T09:00:00.000Z',
  endsAt: '2027-03-18T12:00:00.000Z',
  timeZone: 'Europe/London',
};
const london = 'Europe/London';
const newYork = 'America/New_York';
const kolkata = 'Asia/Kolkata';
const sydney = 'Australia/Sydney';
/** Intl spaces some languages with thin or no-break spaces; compare words, not space kinds. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u2009\u202f]/g, ' ');

describe('one rule for time', () => {
  it('picks the locale from the language: bare tags read 24-hour, a region is kept', () => {
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('fr')).toBe('fr-FR');
    expect(localeOf('es')).toBe('es-ES');
    expect(localeOf('en-US')).toBe('en-US');
    expect(formatTime(march4.startsAt, { language: 'en', timeZone: newYork })).toBe('04:00');
    expect(formatTime(march4.startsAt, { language: 'en-US', timeZone: newYork })).toBe('4:00 AM');
  });

  it("shows the same instant in each person's own zone and language", () => {
    const at = march4.startsAt;
    expect(formatDateTime(at, { language: 'en', timeZone: london })).toBe('4 Mar 2027, 09:00');
    expect(formatDateTime(at, { language: 'fr', timeZone: newYork })).toBe('4 mars 2027, 04:00');
    expect(formatDateTime(at, { language: 'es', timeZone: kolkata })).toBe('4 mar 2027, 14:30');
    expect(formatDay(at, { language: 'en', timeZone: sydney })).toBe('Thu, 4 Mar 2027');
    expect(formatDay(at, { language: 'fr', timeZone: london })).toBe('jeu. 4 mars 2027');
    // 23:30 in London is already the next day in Kolkata and Sydney.
    const late = '2027-03-04T23:30:00.000Z';
    expect(formatDate(late, { language: 'en', timeZone: london })).toBe('4 Mar 2027');
    expect(formatDate(late, { language: 'es', timeZone: kolkata })).toBe('5 mar 2027');
    expect(dayIn(late, sydney)).toBe('2027-03-05');
  });

  it('follows daylight saving: New York is 5 hours behind London, then 4 from 14 March', () => {
    expect(formatTime(march4.startsAt, { language: 'en', timeZone: newYork })).toBe('04:00');
    expect(formatTime(march18.startsAt, { language: 'en', timeZone: newYork })).toBe('05:00');
    // Sydney leaves summer time on 4 April 2027: 11 hours ahead of London in March, 9 after London's change.
    expect(formatTime('2027-03-04T09:00:00.000Z', { language: 'en', timeZone: sydney })).toBe('20:00');
    expect(formatTime('2027-04-08T08:00:00.000Z', { language: 'en', timeZone: sydney })).toBe('18:00');
  });

  it("formats a meeting's range on one day, naming both days when it crosses midnight", () => {
    expect(formatRange(march4.startsAt, march4.endsAt, { language: 'en', timeZone: london })).toBe(
      'Thu, 4 Mar 2027, 09:00–12:00',
    );
    const overnight = formatRange('2027-03-04T12:00:00.000Z', '2027-03-04T15:00:00.000Z', {
      language: 'en',
      timeZone: sydney,
    });
    expect(overnight).toContain('4 Mar');
    expect(overnight).toContain('5 Mar');
  });

  it("says when a meeting is in the person's time and names the meeting's zone when it differs", () => {
    const t = (key: string, v?: Record<string, unknown>) =>
      key === 'time.when.same' ? String(v?.local) : `${v?.local} (your time; ${v?.meeting} ${v?.zone})`;
    const home = meetingWhen(march4, { language: 'en', timeZone: london });
    expect(home.meeting).toBeNull();
    expect(meetingWhenText(home, t)).toBe('Thu, 4 Mar 2027, 09:00–12:00');

    const ny = meetingWhen(march4, { language: 'en', timeZone: newYork });
    expect(meetingWhenText(ny, t)).toBe(
      'Thu, 4 Mar 2027, 04:00–07:00 (your time; 09:00–12:00 United Kingdom Time)',
    );
    expect(meetingWhen(march18, { language: 'en', timeZone: newYork }).local).toBe(
      'Thu, 18 Mar 2027, 05:00–08:00',
    );

    const fr = meetingWhen(march4, { language: 'fr', timeZone: kolkata });
    expect(plain(fr.local)).toBe('jeu. 4 mars 2027, 14:30 – 17:30');
    expect(plain(fr.meetingZone)).toBe('heure : Royaume-Uni');

    const es = meetingWhen(march4, { language: 'es', timeZone: sydney });
    expect(es.local).toMatch(/^jue, 4 mar 2027, 20:00/);
    expect(es.meetingZone).toBe('hora de Reino Unido');

    // A London evening meeting is the next morning in Sydney: the meeting's own day is named too.
    const evening = { ...march4, startsAt: '2027-03-04T18:00:00.000Z', endsAt: '2027-03-04T20:00:00.000Z' };
    const syd = meetingWhen(evening, { language: 'en', timeZone: sydney });
    expect(syd.local).toMatch(/^Fri, 5 Mar 2027, 05:00/);
    expect(syd.meeting).toMatch(/^Thu, 4 Mar 2027, 18:00/);
  });

  it('names zones in the reader language', () => {
    expect(zoneName(newYork, 'en')).toBe('Eastern Time');
    expect(zoneName(kolkata, 'es')).toBe('hora estándar de la India');
    expect(zoneName('Not/AZone', 'en')).toBe('Not/AZone');
  });

  it('says "tomorrow" and "in 2 days" by calendar days in the reader zone, hours when near', () => {
    const now = new Date('2027-03-02T20:00:00.000Z');
    expect(formatRelative(march4.startsAt, now, { language: 'en', timeZone: london })).toBe('in 2 days');
    // In Kolkata it is already 3 March, 01:30: the meeting is tomorrow.
    expect(formatRelative(march4.startsAt, now, { language: 'en', timeZone: kolkata })).toBe('tomorrow');
    expect(formatRelative(march4.startsAt, now, { language: 'fr', timeZone: london })).toBe('après-demain');
    expect(formatRelative(march4.startsAt, now, { language: 'es', timeZone: sydney })).toBe('mañana');
    expect(
      formatRelative(march4.startsAt, new Date('2027-03-04T07:00:00.000Z'), {
        language: 'en',
        timeZone: newYork,
      }),
    ).toBe('in 2 hours');
    expect(
      formatRelative(march4.startsAt, new Date('2027-03-04T08:30:00.000Z'), {
        language: 'es',
        timeZone: london,
      }),
    ).toBe('dentro de 30 minutos');
  });

  it('reads a calendar date the same in every zone', () => {
    expect(formatCalendarDate('2027-03-04', 'en')).toBe('4 Mar 2027');
    expect(formatCalendarDate('2027-03-04', 'fr', { weekday: true })).toBe('jeu. 4 mars 2027');
    expect(formatCalendarDate('nonsense', 'en')).toBe('nonsense');
  });
});
