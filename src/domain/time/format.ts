/**
 * One rule for time: every date and time a person reads is in their own zone (their profile; the browser's
 * only when signed out), formatted for their language with the clock their language and region expect.
 * Pure: no clock (callers pass `now`), no I/O; Intl holds the locale data (even for languages without a
 * catalogue yet). The web app (useTimeFormat), mails, the meeting record and .ics text all come through here.
 */

/** Whose eyes a time is for. */
export interface Viewer {
  /** A language tag: "en", "fr", "es", or with a region ("en-US") when one is known. */
  language: string;
  /** An IANA zone, e.g. "Europe/London". */
  timeZone: string;
}

type Instant = string | Date;

/**
 * The locale for a language tag. A tag with a region is kept as it is ("en-US" reads 12-hour); a bare tag
 * gets the region Revans writes for ("en" is British English, so 24-hour like French and Spanish).
 */
export function localeOf(language: string): string {
  const tag = (language || 'en').trim();
  if (tag.includes('-')) return tag;
  const regions: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };
  return regions[tag.toLowerCase()] ?? tag;
}

const toDate = (value: Instant): Date => (typeof value === 'string' ? new Date(value) : value);
const valid = (d: Date) => !Number.isNaN(d.getTime());

/** 24-hour locales get "09:00"; 12-hour ones "9:00 AM" (a leading zero there reads oddly). */
function clock(locale: string): Intl.DateTimeFormatOptions {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const twelve = cycle === 'h12' || cycle === 'h11';
  return { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit' };
}

const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;

function formatter(v: Viewer, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(localeOf(v.language), { ...options, timeZone: v.timeZone });
}

/** "4 Mar 2027": the day on which the instant falls in the viewer's zone. */
export function formatDate(instant: Instant, v: Viewer): string {
  const d = toDate(instant);
  return valid(d) ? formatter(v, day).format(d) : String(instant);
}

/** "Thu, 4 Mar 2027": a day with its weekday, for meetings and headings. */
export function formatDay(instant: Instant, v: Viewer): string {
  const d = toDate(instant);
  return valid(d) ? formatter(v, { weekday: 'short', ...day }).format(d) : String(instant);
}

/** "09:00" (or "9:00 AM" in a 12-hour locale). */
export function formatTime(instant: Instant, v: Viewer): string {
  const d = toDate(instant);
  return valid(d) ? formatter(v, clock(localeOf(v.language))).format(d) : String(instant);
}

/** "4 Mar 2027, 09:00": when something happened or will happen, for lists and records. */
export function formatDateTime(instant: Instant, v: Viewer): string {
  const d = toDate(instant);
  return valid(d) ? formatter(v, { ...day, ...clock(localeOf(v.language)) }).format(d) : String(instant);
}

/** "Thu, 4 Mar 2027, 09:00–12:00"; across midnight both days are named. */
export function formatRange(start: Instant, end: Instant, v: Viewer): string {
  const a = toDate(start);
  const b = toDate(end);
  if (!valid(a) || !valid(b)) return `${String(start)} – ${String(end)}`;
  const f = formatter(v, { weekday: 'short', ...day, ...clock(localeOf(v.language)) });
  return b.getTime() > a.getTime() ? f.formatRange(a, b) : f.format(a);
}

/** "09:00–12:00": the clock times only, for a second zone on the same day. */
export function formatTimeRange(start: Instant, end: Instant, v: Viewer): string {
  const a = toDate(start);
  const b = toDate(end);
  const f = formatter(v, clock(localeOf(v.language)));
  return b.getTime() > a.getTime() ? f.formatRange(a, b) : f.format(a);
}

/** A calendar date ("2027-03-04", no zone: it is the same day everywhere) as "4 Mar 2027". */
export function formatCalendarDate(
  isoDate: string,
  language: string,
  options?: { weekday?: boolean },
): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(localeOf(language), {
    ...(options?.weekday ? { weekday: 'short' } : {}),
    ...day,
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A wall-clock time ("2027-03-04T10:00", already local to some zone) as "Thu, 4 Mar 2027, 10:00", unconverted. */
export function formatWallClock(local: string, language: string): string {
  const d = new Date(`${local.slice(0, 16)}:00Z`);
  return valid(d)
    ? formatter(
        { language, timeZone: 'UTC' },
        { weekday: 'short', ...day, ...clock(localeOf(language)) },
      ).format(d)
    : local;
}

/** The "YYYY-MM-DD" on which an instant falls in a zone. */
export function dayIn(instant: Instant, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(toDate(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/**
 * "in 2 hours", "tomorrow", "in 3 days", "yesterday" in the viewer's language. Within 12 hours it counts
 * hours (or minutes); beyond that it counts calendar days in the viewer's zone, so a meeting at 09:00 the
 * next morning is "tomorrow" whatever the hour now.
 */
export function formatRelative(instant: Instant, now: Date, v: Viewer): string {
  const rtf = new Intl.RelativeTimeFormat(localeOf(v.language), { numeric: 'auto' });
  const ms = toDate(instant).getTime() - now.getTime();
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  if (Math.abs(minutes) < 12 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
  const days = dayNumber(dayIn(instant, v.timeZone)) - dayNumber(dayIn(now, v.timeZone));
  return rtf.format(days, 'day');
}

/** A zone's name in the viewer's language: "United Kingdom Time", "heure : Royaume-Uni", "India Standard Time". */
export function zoneName(timeZone: string, language: string, at: Instant = new Date(0)): string {
  try {
    const parts = new Intl.DateTimeFormat(localeOf(language), {
      timeZone,
      timeZoneName: 'longGeneric',
    }).formatToParts(toDate(at));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

export interface MeetingWhen {
  /** The meeting in the viewer's own zone: "Thu, 4 Mar 2027, 04:00–07:00". */
  local: string;
  /** The same period where the meeting is set, or null when the viewer's clock reads the same. */
  meeting: string | null;
  /** The meeting zone's name in the viewer's language ("United Kingdom Time"). */
  meetingZone: string;
  /** The viewer zone's name in the viewer's language. */
  viewerZone: string;
}

/**
 * When a meeting is for one person: their own time first; the meeting's own time and zone beside it when
 * those differ (only the clock when it falls on the same day there, the day too when it does not).
 */
export function meetingWhen(
  meeting: { startsAt: Instant; endsAt: Instant; timeZone: string },
  v: Viewer,
): MeetingWhen {
  const there: Viewer = { language: v.language, timeZone: meeting.timeZone };
  const local = formatRange(meeting.startsAt, meeting.endsAt, v);
  const inMeetingZone = formatRange(meeting.startsAt, meeting.endsAt, there);
  const sameDay = dayIn(meeting.startsAt, v.timeZone) === dayIn(meeting.startsAt, meeting.timeZone);
  const meetingText =
    inMeetingZone === local
      ? null
      : sameDay
        ? formatTimeRange(meeting.startsAt, meeting.endsAt, there)
        : inMeetingZone;
  return {
    local,
    meeting: meetingText,
    meetingZone: zoneName(meeting.timeZone, v.language, meeting.startsAt),
    viewerZone: zoneName(v.timeZone, v.language, meeting.startsAt),
  };
}

/** A translate function, as i18next's `t` (the wording lives in the catalogues under `time.`). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** "Thu, 4 Mar 2027, 04:00–07:00 (your time; 09:00–12:00 United Kingdom Time)" via `time.when.*` keys. */
export function meetingWhenText(when: MeetingWhen, t: Translate): string {
  return when.meeting === null
    ? t('time.when.same', { local: when.local, zone: when.viewerZone })
    : t('time.when.differs', { local: when.local, meeting: when.meeting, zone: when.meetingZone });
}
