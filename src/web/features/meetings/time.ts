/** Meeting times for people: in the meeting's own zone, and in the viewer's zone when that reads differently. */
import type { Meeting } from '../../../contract/meetings.ts';

/** The browser's variant of the UI language (en-GB rather than en), as the shared date helpers pick it. */
export function localeFor(language: string): string {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.find((tag) => tag?.split('-')[0] === language) ?? language;
}

export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const dateTime = (locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });

function range(format: Intl.DateTimeFormat, start: Date, end: Date): string {
  const withRange = format as Intl.DateTimeFormat & { formatRange?: (a: Date, b: Date) => string };
  return withRange.formatRange
    ? withRange.formatRange(start, end)
    : `${format.format(start)} – ${format.format(end)}`;
}

export interface MeetingTimes {
  /** "Wed 20 Jan 2027, 10:00 – 13:00" in the meeting's zone. */
  local: string;
  zone: string;
  /** The same period in the viewer's zone, or null when it reads the same there. */
  viewer: string | null;
  viewerZone: string;
}

export function meetingTimes(
  meeting: Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone'>,
  language: string,
  viewerZone = viewerTimeZone(),
): MeetingTimes {
  const locale = localeFor(language);
  const start = new Date(meeting.startsAt);
  const end = new Date(meeting.endsAt);
  const local = range(dateTime(locale, meeting.timeZone), start, end);
  const viewer = range(dateTime(locale, viewerZone), start, end);
  return { local, zone: meeting.timeZone, viewer: viewer === local ? null : viewer, viewerZone };
}

/** A short date for headings and lists: "Wed 20 Jan 2027". */
export function meetingDay(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: meeting.timeZone,
  }).format(new Date(meeting.startsAt));
}

/** A clock time in the viewer's zone, e.g. for when a note was written. */
export function clockTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** Whole minutes, at least 0, for airtime and durations. */
export const wholeMinutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

/** "12 minutes", or "under a minute" rather than "0 minutes" for a short but real stretch. */
export function minutesText(
  t: (key: string, values?: Record<string, unknown>) => string,
  ms: number,
  keys: { minutes: string; under: string },
): string {
  return ms > 0 && wholeMinutes(ms) === 0 ? t(keys.under) : t(keys.minutes, { count: wholeMinutes(ms) });
}

/** Upcoming: not yet over and not cancelled or ended; everything else is past. */
export function isUpcoming(meeting: Pick<Meeting, 'status' | 'endsAt'>, nowMs = Date.now()): boolean {
  if (meeting.status === 'live') return true;
  if (meeting.status === 'ended' || meeting.status === 'cancelled') return false;
  return Date.parse(meeting.endsAt) >= nowMs;
}
