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

/** One formatter per zone: making one costs far more than using it, and lists format hundreds of times. */
const wallClocks = new Map<string, Intl.DateTimeFormat | null>();

function wallClockIn(timeZone: string): Intl.DateTimeFormat | null {
  let format = wallClocks.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      format = null;
    }
    wallClocks.set(timeZone, format);
  }
  return format;
}

const hasOffset = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i;

/**
 * Wall-clock of an instant in a zone, "YYYY-MM-DDTHH:mm". A programme's calendar shows three per meeting
 * for hundreds of meetings, so this reads the zone's clock with the platform's formatter (several times
 * faster than going through a DateTime); a zone the platform does not know reads as the DateTime would.
 */
export function localIn(instant: string | Date, timeZone: string): string {
  const format = wallClockIn(timeZone);
  const date =
    typeof instant === 'string' ? new Date(hasOffset.test(instant) ? instant : `${instant}Z`) : instant;
  if (!format || Number.isNaN(date.getTime()))
    return toDateTime(instant).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  return `${part.year?.padStart(4, '0')}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

function toDateTime(value: string | Date): DateTime {
  return typeof value === 'string' ? DateTime.fromISO(value, { zone: 'UTC' }) : DateTime.fromJSDate(value);
}
