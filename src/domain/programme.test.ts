import { describe, expect, it } from 'vitest';
import { setSizeWarning, validPeriod, validSizeBounds } from './programme.ts';
import { isValidTimeZone } from './time-zones.ts';

describe('set size warnings', () => {
  const bounds = { min: 4, max: 8 };
  it('flags a set below the programme minimum', () => {
    expect(setSizeWarning(3, bounds)).toEqual({ kind: 'too-small', members: 3, bounds });
  });
  it('flags a set above the maximum', () => {
    expect(setSizeWarning(9, bounds)?.kind).toBe('too-large');
  });
  it('accepts a set at either bound', () => {
    expect(setSizeWarning(4, bounds)).toBeNull();
    expect(setSizeWarning(8, bounds)).toBeNull();
  });
});

describe('programme settings', () => {
  it('refuses bounds whose minimum exceeds the maximum', () => {
    expect(validSizeBounds({ min: 8, max: 6 })).toMatch(/cannot be larger/);
    expect(validSizeBounds({ min: 6, max: 8 })).toBeNull();
  });
  it('refuses a period that ends before it starts', () => {
    expect(validPeriod('2027-02-01', '2027-01-01')).toMatch(/cannot end before/);
    expect(validPeriod('2027-01-01', '2027-12-31')).toBeNull();
  });
  it('knows real time zones from made-up ones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
