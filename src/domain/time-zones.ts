import { DateTime } from 'luxon';

export {
  canonicalTimeZone,
  isValidTimeZone,
  renamedTimeZones,
  timeZoneAliases,
  timeZoneCity,
  timeZoneNames,
  timeZoneOffset,
} from './time-zone-names.ts';

export interface LocalDateTime {
  /** Wall-clock time as written by a person, e.g. "2027-03-28T10:00". */
  local: string;
  timeZone: string;
}

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function isValidLocalDateTime(local: string): boolean {
  return localPattern.test(local) && DateTime.fromISO(local, { zone: 'UTC' }).isValid;
}

/**
 * The instant a wall-clock time in a zone names (a time skipped by a daylight-saving change moves
 * forward by the gap; an hour that happens twice takes its first occurrence, as RFC 5545 says).
 */
export function localToUtc({ local, timeZone }: LocalDateTime): Date {
  if (!isValidLocalDateTime(local))
    throw new RangeError(`"${local}" is not a date and time written as YYYY-MM-DDTHH:mm.`);
  const instant = DateTime.fromISO(local, { zone: timeZone });
  // Luxon resolves a repeated hour to its second occurrence; calendars (RFC 5545) use the first.
  const earlier = instant.minus({ hours: 1 });
  const sameWallClock = earlier.toFormat("yyyy-MM-dd'T'HH:mm") === local;
  return (sameWallClock ? earlier : instant).toJSDate();
}
