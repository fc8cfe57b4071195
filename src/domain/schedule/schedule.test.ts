import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatMeetingTime, localIn } from './format.ts';
import { bestOption, tallyPoll } from './polls.ts';
import { checkRrule, expandSeries, noExceptions, patternToRrule, ruleStarts } from './recurrence.ts';
import { defaultReminderOffsets, dueReminders } from './reminders.ts';

const london = {
  firstLocal: '2027-01-13T10:00',
  timeZone: 'Europe/London',
  durationMinutes: 180,
  rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=WE',
  untilDate: '2027-12-31',
  exceptions: noExceptions(),
};

describe('recurring schedules', () => {
  it('keeps 10:00 London at 10:00 London across both daylight-saving changes', () => {
    const all = expandSeries(london);
    expect(all.length).toBe(13);
    expect(all.every((o) => localIn(o.startsAt, 'Europe/London').endsWith('T10:00'))).toBe(true);
    // Winter: 10:00 GMT = 10:00 UTC; summer: 10:00 BST = 09:00 UTC.
    expect(all[0]!.startsAt.toISOString()).toBe('2027-01-13T10:00:00.000Z');
    const april = all.find((o) => o.local.startsWith('2027-04'))!;
    expect(april.startsAt.toISOString()).toBe('2027-04-07T09:00:00.000Z');
    expect(all.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 3 * 3_600_000)).toBe(true);
  });

  it('shows a London series at the right local time in New York and Sydney, including the weeks when only one side has changed', () => {
    const starts = expandSeries({
      ...london,
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=WE',
      firstLocal: '2027-03-03T10:00',
      untilDate: '2027-04-14',
    });
    const ny = starts.map((o) => localIn(o.startsAt, 'America/New_York').slice(11));
    const syd = starts.map((o) => localIn(o.startsAt, 'Australia/Sydney'));
    // 3 Mar: NY on EST (05:00); 17 Mar: NY on EDT, London still GMT (06:00); 31 Mar: both summer (05:00).
    expect(starts.map((o) => o.local.slice(0, 10))).toContain('2027-03-17');
    expect(ny[0]).toBe('05:00');
    expect(ny[starts.findIndex((o) => o.local.startsWith('2027-03-17'))]).toBe('06:00');
    expect(ny[starts.findIndex((o) => o.local.startsWith('2027-03-31'))]).toBe('05:00');
    // Sydney leaves summer time on 4 April 2027: 21:00 AEDT, then 20:00 AEST after London's change, 19:00 after Sydney's.
    expect(syd[0]).toBe('2027-03-03T21:00');
    expect(syd[starts.findIndex((o) => o.local.startsWith('2027-03-31'))]).toBe('2027-03-31T20:00');
    expect(syd.at(-1)).toBe('2027-04-14T19:00');
  });

  it('expands monthly on the second Tuesday in Sydney', () => {
    const rrule = patternToRrule({ frequency: 'monthly-weekday', interval: 1 }, '2027-01-12T18:00');
    expect(rrule).toBe('FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU');
    const all = expandSeries({
      ...london,
      timeZone: 'Australia/Sydney',
      firstLocal: '2027-01-12T18:00',
      rrule,
      untilDate: '2027-06-30',
    });
    expect(all.map((o) => o.local)).toEqual([
      '2027-01-12T18:00',
      '2027-02-09T18:00',
      '2027-03-09T18:00',
      '2027-04-13T18:00',
      '2027-05-11T18:00',
      '2027-06-08T18:00',
    ]);
    expect(all[0]!.startsAt.toISOString()).toBe('2027-01-12T07:00:00.000Z'); // AEDT +11
    expect(all[3]!.startsAt.toISOString()).toBe('2027-04-13T08:00:00.000Z'); // AEST +10
  });

  it('applies exceptions: skip one, move one, add one', () => {
    const keys = ruleStarts(london);
    const all = expandSeries({
      ...london,
      exceptions: {
        skipped: [keys[1]!],
        moved: [{ from: keys[2]!, to: '2027-03-11T14:00' }],
        added: ['2027-12-20T10:00'],
      },
    });
    expect(all.map((o) => o.key)).not.toContain(keys[1]);
    const moved = all.find((o) => o.key === keys[2])!;
    expect(moved).toMatchObject({ local: '2027-03-11T14:00', origin: 'moved' });
    expect(all.at(-1)).toMatchObject({ local: '2027-12-20T10:00', origin: 'added' });
  });

  it('handles a start time that New York skips when clocks go forward', () => {
    const all = expandSeries({
      ...london,
      timeZone: 'America/New_York',
      firstLocal: '2027-03-07T02:30',
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=SU',
      untilDate: '2027-03-21',
    });
    // 14 March 2027 02:30 does not exist in New York: it moves forward by the gap, to 03:30 EDT.
    expect(localIn(all[1]!.startsAt, 'America/New_York')).toBe('2027-03-14T03:30');
    expect(localIn(all[2]!.startsAt, 'America/New_York')).toBe('2027-03-21T02:30');
  });

  it('refuses rules a meeting schedule cannot use', () => {
    expect(checkRrule('FREQ=WEEKLY;INTERVAL=4;BYDAY=WE')).toBeNull();
    expect(checkRrule('FREQ=HOURLY')).toMatch(/weekly or monthly/);
    expect(checkRrule('FREQ=WEEKLY;BYHOUR=3')).toMatch(/BYHOUR/);
  });

  it('formats a time in the reader’s zone with the zone named', () => {
    expect(
      formatMeetingTime('2027-04-28T09:00:00.000Z', '2027-04-28T12:00:00.000Z', 'America/New_York'),
    ).toBe('Wed, 28 Apr 2027, 05:00–08:00 (Eastern Time)');
  });
});

describe('availability polls', () => {
  it('suggests the option with most yes, then fewest no', () => {
    const answers = [
      { optionId: 'a', personId: '1', answer: 'yes' as const },
      { optionId: 'a', personId: '2', answer: 'no' as const },
      { optionId: 'b', personId: '1', answer: 'yes' as const },
      { optionId: 'b', personId: '2', answer: 'ifneedbe' as const },
      { optionId: 'c', personId: '1', answer: 'ifneedbe' as const },
    ];
    const tallies = tallyPoll(['a', 'b', 'c'], answers, 3);
    expect(tallies[1]).toEqual({ optionId: 'b', yes: 1, ifNeedBe: 1, no: 0, unanswered: 1 });
    expect(bestOption(tallies)).toBe('b');
    expect(bestOption(tallyPoll(['a'], [], 3))).toBeNull();
  });
});

describe('reminders', () => {
  const prefs = {
    reminders: true,
    reminderOffsets: defaultReminderOffsets,
    actionsNudge: true,
    actionsNudgeOffset: 3 * 24 * 60,
  };
  const meeting = {
    meetingId: 'm',
    startsAt: '2027-03-10T10:00:00.000Z',
    scheduledAt: '2027-01-01T00:00:00.000Z',
  };
  const at = (iso: string) => dueReminders(new Date(iso), meeting, [{ personId: 'p', preferences: prefs }]);

  it('falls due two days and two hours before, and the actions nudge three days before', () => {
    expect(at('2027-03-07T09:59:00Z')).toEqual([]);
    expect(at('2027-03-07T10:00:00Z').map((d) => d.kind)).toEqual(['actions']);
    expect(at('2027-03-08T10:00:00Z').map((d) => `${d.kind}:${d.offsetMinutes}`)).toEqual([
      'reminder:2880',
      'actions:4320',
    ]);
    expect(at('2027-03-10T08:30:00Z').map((d) => `${d.kind}:${d.offsetMinutes}`)).toEqual([
      'reminder:120',
      'actions:4320',
    ]);
    expect(at('2027-03-10T10:00:00Z')).toEqual([]);
  });

  it('sends no reminder that fell due before the meeting was planned', () => {
    const late = { ...meeting, scheduledAt: '2027-03-09T12:00:00.000Z' };
    expect(
      dueReminders(new Date('2027-03-09T13:00:00Z'), late, [{ personId: 'p', preferences: prefs }]),
    ).toEqual([]);
  });
});

describe('the wall-clock of an instant in a zone', () => {
  const zones = [
    'UTC',
    'Europe/London',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/St_Johns',
    'Africa/Nairobi',
  ];

  it('reads as a calendar would through 2027, minute by minute around each daylight-saving change', () => {
    const expected = (t: number, zone: string) =>
      DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
    const check = (t: number, zone: string) =>
      expect(localIn(new Date(t).toISOString(), zone), `${new Date(t).toISOString()} in ${zone}`).toBe(
        expected(t, zone),
      );
    const start = Date.parse('2027-01-01T00:00:00.000Z');
    const step = 131 * 60_000; // lands on every minute of the hour in turn
    let changes = 0;
    for (const zone of zones) {
      let offset = DateTime.fromMillis(start, { zone }).offset;
      for (let t = start; t < start + 366 * 86_400_000; t += step) {
        check(t, zone);
        const now = DateTime.fromMillis(t, { zone }).offset;
        if (now === offset) continue;
        changes++;
        offset = now;
        for (let u = t - step; u <= t; u += 60_000) check(u, zone);
      }
    }
    // London, New York, Sydney, Lord Howe (half an hour), Chatham and St John's: two changes each.
    expect(changes).toBe(12);
  });

  it('reads a Date, an instant with an offset and one written without a zone (UTC) alike', () => {
    expect(localIn(new Date('2027-06-30T23:30:00.000Z'), 'Asia/Kolkata')).toBe('2027-07-01T05:00');
    expect(localIn('2027-06-30T23:30:00+00:00', 'Asia/Kolkata')).toBe('2027-07-01T05:00');
    expect(localIn('2027-06-30T23:30:00', 'Asia/Kolkata')).toBe('2027-07-01T05:00');
    expect(localIn('2027-12-31T23:59:00.000Z', 'UTC')).toBe('2027-12-31T23:59');
  });
});
