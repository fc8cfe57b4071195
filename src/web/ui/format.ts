/**
 * Dates from the API are YYYY-MM-DD (calendar dates) or ISO instants. Pages show instants through
 * useTimeFormat() (src/web/app/time.ts): the person's zone and language, one rule everywhere.
 */
import { formatCalendarDate, formatDateTime as formatInstant } from '../../domain/time/format.ts';
import { canonicalTimeZone, timeZoneNames } from '../../domain/time-zone-names.ts';

/** A calendar date (the same day in every zone): "4 Mar 2027". */
export function formatDate(isoDate: string, language: string): string {
  return formatCalendarDate(isoDate, language);
}

/** Prefer useTimeFormat().dateTime: this one falls back to the browser's zone when none is given. */
export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  return formatInstant(iso, { language, timeZone: timeZone ?? browserTimeZone() });
}

/**
 * Every IANA time zone the browser knows, for pickers, by its current name (Asia/Kolkata, not the
 * Asia/Calcutta some browsers still report); the given one is always included.
 */
export function timeZones(current?: string): string[] {
  const all = new Set(typeof Intl.supportedValuesOf === 'function' ? timeZoneNames() : ['UTC']);
  if (current) all.add(current);
  return [...all].sort();
}

export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    return canonicalTimeZone(zone) ?? zone;
  } catch {
    return 'UTC';
  }
}
