import { DateTime } from 'luxon';

/**
 * A meeting's time as one reader sees it, in their own zone: "Wednesday 13 January 2027, 10:00–13:00
 * (Europe/London, GMT)". Pure: the zone and locale are passed in.
 */
export function formatMeetingTime(
  startsAt: string | Date,
  endsAt: string | Date,
  timeZone: string,
  locale = 'en-GB',
): string {
  const start = toDateTime(startsAt).setZone(timeZone).setLocale(locale);
  const end = toDateTime(endsAt).setZone(timeZone).setLocale(locale);
  const sameDay = start.toISODate() === end.toISODate();
  const day = start.toFormat('cccc d LLLL yyyy');
  const endText = sameDay ? end.toFormat('HH:mm') : `${end.toFormat('cccc d LLLL')} ${end.toFormat('HH:mm')}`;
  return `${day}, ${start.toFormat('HH:mm')}–${endText} (${timeZone}, UTC${start.toFormat('ZZ')})`;
}

/** Wall-clock of an instant in a zone, "YYYY-MM-DDTHH:mm". */
export function localIn(instant: string | Date, timeZone: string): string {
  return toDateTime(instant).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

function toDateTime(value: string | Date): DateTime {
  return typeof value === 'string' ? DateTime.fromISO(value, { zone: 'UTC' }) : DateTime.fromJSDate(value);
}
