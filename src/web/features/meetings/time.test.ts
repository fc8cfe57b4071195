import { describe, expect, it } from 'vitest';
import { isUpcoming, minutesText } from './time.ts';

describe('meeting times', () => {
  const meeting = {
    startsAt: '2027-01-20T10:00:00.000Z',
    endsAt: '2027-01-20T13:00:00.000Z',
    timeZone: 'Europe/London',
  };

  it('counts a scheduled meeting as upcoming until it is over, a live one always', () => {
    const now = Date.parse('2027-01-20T12:00:00.000Z');
    expect(isUpcoming({ ...meeting, status: 'scheduled' }, now)).toBe(true);
    expect(isUpcoming({ ...meeting, status: 'scheduled' }, now + 2 * 3_600_000)).toBe(false);
    expect(isUpcoming({ ...meeting, status: 'live' }, now + 9 * 3_600_000)).toBe(true);
    expect(isUpcoming({ ...meeting, status: 'ended' }, now)).toBe(false);
  });

  it('says "under a minute" rather than 0 minutes', () => {
    const t = (key: string, values?: Record<string, unknown>) => `${key}:${values?.count ?? ''}`;
    const keys = { minutes: 'm', under: 'u' };
    expect(minutesText(t, 20_000, keys)).toBe('u:');
    expect(minutesText(t, 0, keys)).toBe('m:0');
    expect(minutesText(t, 150_000, keys)).toBe('m:3');
  });
});
