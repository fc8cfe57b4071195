import { canonicalTimeZone, timeZoneNames } from '../../domain/time-zones.ts';

/** Dates from the API are YYYY-MM-DD (calendar dates) or ISO instants; both shown in the reader's language. */

/** The browser's own variant of the UI language (en-GB rather than en), so dates read as people expect. */
function locale(language: string): string {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.find((tag) => tag?.split('-')[0] === language) ?? language;
}

export function formatDate(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
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
