import { DateTime } from 'luxon';
import { formatRange, zoneName } from '../time/format.ts';

/**
 * A meeting's time as one reader sees it, in their own zone and language, the zone named: "Wed, 28 Apr 2027,
 * 05:00–08:00 (Eastern Time)". The one rule for time (src/domain/time/format.ts) does the formatting.
 */
export function formatMeetingTime(
  startsAt: string | Date,
  endsAt: string | Date,
  timeZone: string,
  language = 'en',
): string {
  const viewer = { language, timeZone };
  return `${formatRange(startsAt, endsAt, viewer)} (${zoneName(timeZone, language, startsAt)})`;
}

/** Wall-clock of an instant in a zone, "YYYY-MM-DDTHH:mm". */
export function localIn(instant: string | Date, timeZone: string): string {
  return toDateTime(instant).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

function toDateTime(value: string | Date): DateTime {
  return typeof value === 'string' ? DateTime.fromISO(value, { zone: 'UTC' }) : DateTime.fromJSDate(value);
}
