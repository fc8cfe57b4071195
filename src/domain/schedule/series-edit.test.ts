import { describe, expect, it } from 'vitest';
import { expandSeries, noExceptions, patternToRrule } from './recurrence.ts';
import { planSeriesEdit, rruleToPattern } from './series-edit.ts';

const where = { timeZone: 'Europe/London', place: 'Room 3', videoUrl: '' };
const series = (firstLocal: string, interval: number, durationMinutes = 180) =>
  expandSeries({
    firstLocal,
    timeZone: 'Europe/London',
    durationMinutes,
    rrule: patternToRrule({ frequency: 'weekly', interval }, firstLocal),
    untilDate: '2027-05-31',
    exceptions: noExceptions(),
  });
const asComing = (occurrences: ReturnType<typeof series>) =>
  occurrences.map((o, i) => ({
    id: `m${i + 1}`,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    ...where,
  }));

describe('changing a series from now on', () => {
  it('moves each meeting still to come to the new time, keeping its calendar entry', () => {
    const coming = asComing(series('2027-03-03T10:00', 4)); // Wednesdays 3 Mar, 31 Mar, 28 Apr, 26 May
    const plan = planSeriesEdit(coming, series('2027-03-04T14:00', 4), where); // Thursdays at 14:00
    expect(plan.keep).toEqual([]);
    expect(plan.add).toEqual([]);
    expect(plan.cancel).toEqual([]);
    expect(plan.change.map((c) => [c.meetingId, c.key, c.startsAt.toISOString()])).toEqual([
      ['m1', '2027-03-04T14:00', '2027-03-04T14:00:00.000Z'],
      ['m2', '2027-04-01T14:00', '2027-04-01T13:00:00.000Z'],
      ['m3', '2027-04-29T14:00', '2027-04-29T13:00:00.000Z'],
      ['m4', '2027-05-27T14:00', '2027-05-27T13:00:00.000Z'],
    ]);
  });

  it('meeting twice as often keeps the meetings already planned and adds the ones between', () => {
    const coming = asComing(series('2027-03-03T10:00', 4));
    const plan = planSeriesEdit(coming, series('2027-03-03T10:00', 2), where);
    expect(plan.keep.map((k) => k.meetingId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(plan.change).toEqual([]);
    expect(plan.add.map((a) => a.key)).toEqual(['2027-03-17T10:00', '2027-04-14T10:00', '2027-05-12T10:00']);
    expect(plan.cancel).toEqual([]);
  });

  it('meeting half as often cancels the meetings that no longer fall on the rule', () => {
    const coming = asComing(series('2027-03-03T10:00', 2)); // 3 Mar to 26 May: 7 meetings
    const plan = planSeriesEdit(coming, series('2027-03-03T10:00', 4), where);
    expect(plan.keep).toHaveLength(4);
    expect(plan.change).toEqual([]);
    expect(plan.cancel).toEqual(['m2', 'm4', 'm6']);
  });

  it('a longer meeting or a new place at the same start is a change members hear about', () => {
    const coming = asComing(series('2027-03-03T10:00', 4));
    const longer = planSeriesEdit(coming, series('2027-03-03T10:00', 4, 240), where);
    expect(longer.change.map((c) => c.meetingId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    const moved = planSeriesEdit(coming, series('2027-03-03T10:00', 4), { ...where, place: 'Room 5' });
    expect(moved.change).toHaveLength(4);
    expect(moved.keep).toEqual([]);
  });
});

describe('reading back a pattern from its rule', () => {
  it('gives back what patternToRrule wrote, and nothing for rules it did not', () => {
    for (const frequency of ['weekly', 'monthly-weekday', 'monthly-date'] as const)
      expect(rruleToPattern(patternToRrule({ frequency, interval: 3 }, '2027-03-31T10:00'))).toEqual({
        frequency,
        interval: 3,
      });
    expect(rruleToPattern('FREQ=WEEKLY;BYDAY=MO,WE')).toBeNull();
    expect(rruleToPattern('FREQ=DAILY')).toBeNull();
  });
});
