import { DateTime } from 'luxon';
import r from 'rrule';
import { isValidLocalDateTime, localToUtc } from '../time-zones.ts';
import type { Pattern } from './pattern.ts';

const { RRule } = r;

/**
 * A set's regular slot as a person says it: "every 4 weeks on Wednesday", "monthly on the second
 * Tuesday". Stored as an RFC 5545 RRULE (without DTSTART), expanded in the series' own IANA zone on the
 * wall clock, so 10:00 in London stays 10:00 in London across daylight-saving changes.
 */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const weekdays: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export type { Pattern };

/** Which weekday a local date falls on, and its position in the month (1..5, and -1 for "last"). */
export function weekdayOf(localDate: string): { weekday: Weekday; nth: number; last: boolean } {
  const d = DateTime.fromISO(localDate.slice(0, 10), { zone: 'UTC' });
  return {
    weekday: weekdays[d.weekday - 1]!,
    nth: Math.ceil(d.day / 7),
    last: d.plus({ days: 7 }).month !== d.month,
  };
}

/** The RRULE for a pattern anchored on the first meeting's local date. */
export function patternToRrule(pattern: Pattern, firstLocal: string): string {
  const { weekday, nth } = weekdayOf(firstLocal);
  const interval = `INTERVAL=${pattern.interval}`;
  switch (pattern.frequency) {
    case 'weekly':
      return `FREQ=WEEKLY;${interval};BYDAY=${weekday}`;
    case 'monthly-weekday':
      // The fifth weekday of a month does not exist every month: call it "last" instead.
      return `FREQ=MONTHLY;${interval};BYDAY=${nth >= 5 ? -1 : nth}${weekday}`;
    case 'monthly-date':
      return `FREQ=MONTHLY;${interval};BYMONTHDAY=${Number(firstLocal.slice(8, 10))}`;
  }
}

const allowedKeys = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'COUNT', 'WKST']);

/** Whether an RRULE is one Revans can expand: weekly or monthly, no sub-daily parts, no DTSTART/UNTIL. */
export function checkRrule(rrule: string): string | null {
  const parts = rrule.replace(/^RRULE:/, '').split(';');
  const keys = parts.map((p) => p.split('=')[0]!);
  const unknown = keys.filter((k) => !allowedKeys.has(k));
  if (unknown.length) return `uses ${unknown.join(', ')}, which a meeting schedule does not need`;
  const freq = parts.find((p) => p.startsWith('FREQ='))?.slice(5);
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY')
    return 'must repeat weekly or monthly (FREQ=WEEKLY or FREQ=MONTHLY)';
  try {
    RRule.parseString(rrule.replace(/^RRULE:/, ''));
  } catch {
    return 'is not a valid recurrence rule';
  }
  return null;
}

export interface SeriesExceptions {
  /** Occurrences (by their original local start) that do not take place. */
  skipped: string[];
  /** Occurrences moved to another local start (same zone, same length). */
  moved: { from: string; to: string }[];
  /** Extra meetings in the series. */
  added: string[];
}

export const noExceptions = (): SeriesExceptions => ({ skipped: [], moved: [], added: [] });

export interface SeriesDefinition {
  /** The first meeting, wall-clock, e.g. "2027-01-13T10:00". */
  firstLocal: string;
  timeZone: string;
  durationMinutes: number;
  rrule: string;
  /** The last day meetings may fall on (the programme's end), inclusive, local date. */
  untilDate: string;
  exceptions: SeriesExceptions;
}

export interface Occurrence {
  /** Stable key of the occurrence: its original local start as the rule generated it (or as added). */
  key: string;
  local: string;
  startsAt: Date;
  endsAt: Date;
  origin: 'rule' | 'moved' | 'added';
}

/** At most this many meetings per series: a year of weekly meetings, with room to spare. */
export const maxOccurrences = 60;

const toFloating = (local: string) => {
  const d = DateTime.fromISO(local, { zone: 'UTC' });
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute));
};
const fromFloating = (date: Date) => date.toISOString().slice(0, 16);

/** The local starts the rule generates, before exceptions (no clock, no zone: wall-clock only). */
export function ruleStarts(def: Pick<SeriesDefinition, 'firstLocal' | 'rrule' | 'untilDate'>): string[] {
  if (!isValidLocalDateTime(def.firstLocal))
    throw new RangeError(`"${def.firstLocal}" is not a local date and time.`);
  const options = RRule.parseString(def.rrule.replace(/^RRULE:/, ''));
  const rule = new RRule({
    ...options,
    // Expanded as "floating" time: UTC stands for the wall clock, so DST never shifts a meeting.
    dtstart: toFloating(def.firstLocal),
    until: toFloating(`${def.untilDate}T23:59`),
    count: Math.min(options.count ?? maxOccurrences, maxOccurrences),
  });
  const starts = rule.all().map(fromFloating);
  // RFC 5545: DTSTART is always the first instance, even when it does not match the rule.
  if (starts[0] !== def.firstLocal) starts.unshift(def.firstLocal);
  return starts.slice(0, maxOccurrences);
}

/** Every meeting of a series, in order, with exceptions applied, each as an instant and in its zone. */
export function expandSeries(def: SeriesDefinition): Occurrence[] {
  const minutes = def.durationMinutes * 60_000;
  const at = (key: string, local: string, origin: Occurrence['origin']): Occurrence => {
    const startsAt = localToUtc({ local, timeZone: def.timeZone });
    return { key, local, startsAt, endsAt: new Date(startsAt.getTime() + minutes), origin };
  };
  const skipped = new Set(def.exceptions.skipped);
  const moved = new Map(def.exceptions.moved.map((m) => [m.from, m.to]));
  const result: Occurrence[] = [];
  for (const local of ruleStarts(def)) {
    if (skipped.has(local)) continue;
    const to = moved.get(local);
    result.push(to ? at(local, to, 'moved') : at(local, local, 'rule'));
  }
  for (const local of def.exceptions.added) {
    if (!skipped.has(local)) result.push(at(local, local, 'added'));
  }
  return result.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
