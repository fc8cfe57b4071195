/**
 * useTimeFormat(): every date and time in the web app, by one rule (src/domain/time/format.ts): in the
 * signed-in person's own zone and language (their profile), the browser's zone only when signed out.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatDay,
  formatRange,
  formatRelative,
  formatTime,
  type MeetingWhen,
  meetingWhen,
  meetingWhenText,
  type Viewer,
} from '../../domain/time/format.ts';
import { useOptionalSession } from './session.tsx';

export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

type Instant = string | Date;
type MeetingTimes = { startsAt: string; endsAt: string; timeZone: string };

export interface TimeFormat extends Viewer {
  /** "4 Mar 2027" */
  date(instant: Instant): string;
  /** "Thu, 4 Mar 2027" */
  day(instant: Instant): string;
  /** "09:00" */
  time(instant: Instant): string;
  /** "4 Mar 2027, 09:00" */
  dateTime(instant: Instant): string;
  /** "Thu, 4 Mar 2027, 09:00–12:00" */
  range(start: Instant, end: Instant): string;
  /** A calendar date "2027-03-04" (the same day everywhere): "4 Mar 2027". */
  calendarDate(isoDate: string, options?: { weekday?: boolean }): string;
  /** "tomorrow", "in 2 hours" */
  relative(instant: Instant, now?: Date): string;
  /** A meeting in the person's time, with the meeting's own zone when that differs. */
  when(meeting: MeetingTimes): MeetingWhen;
  /** The same as one sentence: "Thu, 4 Mar 2027, 04:00–07:00 (your time; 09:00–12:00 United Kingdom Time)". */
  whenText(meeting: MeetingTimes): string;
}

/** Formatting for a given person; the hook below binds it to whoever is signed in. */
export function timeFormat(
  viewer: Viewer,
  t: (key: string, values?: Record<string, unknown>) => string,
): TimeFormat {
  return {
    ...viewer,
    date: (i) => formatDate(i, viewer),
    day: (i) => formatDay(i, viewer),
    time: (i) => formatTime(i, viewer),
    dateTime: (i) => formatDateTime(i, viewer),
    range: (a, b) => formatRange(a, b, viewer),
    calendarDate: (d, o) => formatCalendarDate(d, viewer.language, o),
    relative: (i, now = new Date()) => formatRelative(i, now, viewer),
    when: (m) => meetingWhen(m, viewer),
    whenText: (m) => meetingWhenText(meetingWhen(m, viewer), t),
  };
}

export function useTimeFormat(): TimeFormat {
  const { t, i18n } = useTranslation();
  const person = useOptionalSession()?.me?.person;
  const language = person?.language ?? i18n.language ?? 'en';
  const timeZone = person?.timeZone || browserZone();
  return useMemo(() => timeFormat({ language, timeZone }, t), [language, timeZone, t]);
}
