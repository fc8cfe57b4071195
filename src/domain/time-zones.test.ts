import { describe, expect, it } from 'vitest';
import { localIn } from './schedule/format.ts';
import {
  canonicalTimeZone,
  isValidLocalDateTime,
  localToUtc,
  timeZoneCity,
  timeZoneNames,
  timeZoneOffset,
} from './time-zones.ts';

describe('wall-clock times across daylight saving', () => {
  it('places a London meeting before and after the spring change correctly', () => {
    expect(localToUtc({ local: '2027-03-24T10:00', timeZone: 'Europe/London' }).toISOString()).toBe(
      '2027-03-24T10:00:00.000Z',
    );
    expect(localToUtc({ local: '2027-03-31T10:00', timeZone: 'Europe/London' }).toISOString()).toBe(
      '2027-03-31T09:00:00.000Z',
    );
  });

  it('shows one instant in New York and Sydney local time, each on its own DST calendar', () => {
    const instant = localToUtc({ local: '2027-04-07T10:00', timeZone: 'Europe/London' });
    expect(localIn(instant, 'America/New_York')).toBe('2027-04-07T05:00');
    expect(localIn(instant, 'Australia/Sydney')).toBe('2027-04-07T19:00');
  });

  it('moves a time skipped by the clocks going forward past the gap', () => {
    expect(localToUtc({ local: '2027-03-28T01:30', timeZone: 'Europe/London' }).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });

  it('takes the earlier instant for an hour that happens twice', () => {
    expect(localToUtc({ local: '2027-10-31T01:30', timeZone: 'Europe/London' }).toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
  });

  it('refuses impossible dates', () => {
    expect(isValidLocalDateTime('2027-02-30T10:00')).toBe(false);
    expect(isValidLocalDateTime('2027-02-28T10:00')).toBe(true);
  });
});

describe('time-zone names people use', () => {
  it('stores Asia/Kolkata whether Asia/Kolkata or its old name Asia/Calcutta is given (regression: only Calcutta was offered)', () => {
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
  });

  it('refuses names that are no zone', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('offers the current names, not the old ones, and UTC', () => {
    const names = timeZoneNames();
    expect(names).toContain('Asia/Kolkata');
    expect(names).toContain('Europe/Kyiv');
    expect(names).toContain('UTC');
    expect(names).not.toContain('Asia/Calcutta');
    for (const name of names) expect(canonicalTimeZone(name)).toBe(name);
  });

  it('labels a zone with its city and offset', () => {
    expect(timeZoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(timeZoneOffset('Asia/Kolkata', new Date('2027-01-01T00:00:00Z'))).toBe('GMT+5:30');
  });
});
