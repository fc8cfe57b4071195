/** Wall-clock times and calendar dates, read without conversion, by the one rule in src/domain/time. */
import { formatCalendarDate, formatWallClock } from '../../../domain/time/format.ts';

/** "2027-03-03" as a readable day, without any conversion (it is a calendar date). */
export function localDay(date: string, language: string): string {
  return formatCalendarDate(date, language, { weekday: true });
}

/** "2027-03-03T10:00" as a readable wall-clock time, without any conversion (it is already local). */
export function wallClock(local: string, language: string): string {
  return formatWallClock(local, language);
}
