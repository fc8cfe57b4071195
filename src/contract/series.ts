/**
 * Schedules: a set's regular meetings as a series (and its edits), the set's schedule with attendance,
 * the programme's calendar and a person's Upcoming.
 */
import { z } from 'zod';
import { patternFrequencies } from '../domain/schedule/pattern.ts';
import { pollPurposes } from '../domain/schedule/polls.ts';
import { attendanceStatuses, meetingStatuses } from './enums.ts';
import {
  durationMinutes,
  idParams,
  isoDate,
  localDateTime,
  longText,
  out,
  shortText,
  timeZone,
  videoUrl,
} from './fields.ts';
import { meeting } from './meetings.ts';
import { programmeEvent } from './programme-events.ts';
import { route } from './route.ts';

export const seriesStatuses = ['active', 'cancelled'] as const;
export type SeriesStatus = (typeof seriesStatuses)[number];

/** A regular slot as a person says it: "every 4 weeks", "monthly on the second Tuesday". */
export const pattern = z.strictObject({
  frequency: z.enum(patternFrequencies),
  interval: z.number().int().min(1).max(12),
});

/** A series as a person defines it: first meeting (wall clock, explicit zone), length, recurrence, place. */
export const seriesBody = z
  .strictObject({
    firstLocal: localDateTime,
    timeZone,
    durationMinutes: durationMinutes.default(180),
    pattern: pattern.optional(),
    rrule: z.string().max(200).optional(),
    untilDate: isoDate.optional(),
    place: shortText.default(''),
    videoUrl: videoUrl.default(''),
  })
  .refine((b) => Boolean(b.pattern) !== Boolean(b.rrule), {
    message: 'give either a pattern or an rrule',
    path: ['pattern'],
  });
export type SeriesInput = z.output<typeof seriesBody>;

/** A wall-clock time without a zone, e.g. 2027-03-03T10:00 (the zone is given next to it). */
const local = z.string();

export const series = z.object({
  id: out.id,
  setId: out.id,
  timeZone: out.timeZone,
  firstLocal: local,
  durationMinutes: z.number().int(),
  /** RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;INTERVAL=4;BYDAY=WE. */
  rrule: z.string(),
  untilDate: out.date,
  place: z.string(),
  videoUrl: z.string(),
  status: z.enum(seriesStatuses),
  exceptions: z.object({
    /** Occurrences (by their original local start) that do not take place. */
    skipped: z.array(local),
    /** Occurrences moved to another local start (same zone, same length). */
    moved: z.array(z.object({ from: local, to: local })),
    /** Extra meetings in the series. */
    added: z.array(local),
  }),
  meetings: z.array(
    z.object({
      /** The occurrence's original local start, which names it in exceptions. */
      occurrenceKey: local,
      meetingId: out.id,
      startsAt: out.instant,
      endsAt: out.instant,
      localStart: local,
      status: z.enum(meetingStatuses),
      sequence: z.number().int(),
    }),
  ),
});
export type Series = z.infer<typeof series>;

export const createSeries = route({
  method: 'POST',
  path: '/api/sets/:id/series',
  tags: ['schedule'],
  summary:
    "Schedule a set's regular meetings over the programme: a first meeting (wall clock, explicit zone) and a recurrence",
  params: idParams,
  body: seriesBody,
  status: 201,
  response: series,
});

export const listSeries = route({
  method: 'GET',
  path: '/api/sets/:id/series',
  tags: ['schedule'],
  summary: "A set's meeting series",
  params: idParams,
  response: z.array(series),
});

export const getSeries = route({
  method: 'GET',
  path: '/api/series/:id',
  tags: ['schedule'],
  summary: 'A series with each of its meetings',
  params: idParams,
  response: series,
});

export const changeSeries = route({
  method: 'PUT',
  path: '/api/series/:id',
  tags: ['schedule'],
  summary:
    'Change a series from a meeting still to come onwards (time, zone, length, recurrence, last date, place); meetings held stay as they were, members hear of each change',
  params: idParams,
  body: seriesBody,
  response: series,
});

export const seriesException = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('skip'), occurrenceKey: localDateTime }),
  z.strictObject({ kind: z.literal('move'), occurrenceKey: localDateTime, toLocal: localDateTime }),
  z.strictObject({ kind: z.literal('add'), local: localDateTime }),
]);
export type SeriesException = z.output<typeof seriesException>;

export const addSeriesException = route({
  method: 'POST',
  path: '/api/series/:id/exceptions',
  tags: ['schedule'],
  summary: 'Skip one meeting of a series, move one, or add one',
  params: idParams,
  body: seriesException,
  response: series,
});

export const cancelSeries = route({
  method: 'DELETE',
  path: '/api/series/:id',
  tags: ['schedule'],
  summary: 'Cancel a series: every meeting still to come is cancelled',
  params: idParams,
  response: series,
});

/** A meeting as the set's schedule shows it: the meeting, with the viewer's times and the set's minimum. */
export const scheduledMeeting = meeting.extend({
  viewerLocalStart: local,
  viewerLocalEnd: local,
  seriesId: z.string().nullable(),
  apologiesCount: z.number().int(),
  /** Whether the expected attendance meets the set's attendance rule (true without a rule). */
  goesAhead: z.boolean(),
});
export type ScheduledMeeting = z.infer<typeof scheduledMeeting>;

export const setSchedule = z.object({
  setId: out.id,
  setName: z.string(),
  viewerTimeZone: out.timeZone,
  attendanceRule: z.object({ minPresent: z.number().int(), note: z.string() }).nullable(),
  meetings: z.array(scheduledMeeting),
});
export type SetSchedule = z.infer<typeof setSchedule>;

export const getSetSchedule = route({
  method: 'GET',
  path: '/api/sets/:id/schedule',
  tags: ['schedule'],
  summary: "A set's meetings with expected attendance, apologies and the set's attendance rule",
  params: idParams,
  response: setSchedule,
});

export const setAttendanceRule = route({
  method: 'PUT',
  path: '/api/sets/:id/attendance-rule',
  tags: ['schedule'],
  summary: "Set the set's ground rule on attendance, e.g. the minimum for a meeting to go ahead",
  params: idParams,
  body: z.strictObject({
    minPresent: z.number().int().min(1).max(20),
    note: longText.default(''),
  }),
  response: setSchedule,
});
export type AttendanceRuleInput = z.output<typeof setAttendanceRule.body>;

/** Where and when a meeting is, both in its own zone and the viewer's. */
const meetingTimes = {
  id: out.id,
  setId: out.id,
  setName: z.string(),
  startsAt: out.instant,
  endsAt: out.instant,
  timeZone: out.timeZone,
  localStart: local,
  viewerLocalStart: local,
  viewerLocalEnd: local,
  place: z.string(),
  videoUrl: z.string(),
  status: z.enum(meetingStatuses),
};

export const programmeCalendar = z.object({
  programmeId: out.id,
  viewerTimeZone: out.timeZone,
  events: z.array(programmeEvent),
  /** Dates and places only: a coordinator sees that apologies were sent, not who sent them or why. */
  meetings: z.array(z.object({ ...meetingTimes, apologiesCount: z.number().int() })),
});
export type ProgrammeCalendar = z.infer<typeof programmeCalendar>;

export const getProgrammeCalendar = route({
  method: 'GET',
  path: '/api/programmes/:id/calendar',
  tags: ['schedule'],
  summary:
    "Every set's meetings in a programme (dates, places, apologies count) and the programme's own events, for its coordinators",
  params: idParams,
  response: programmeCalendar,
});

export const upcomingMeeting = z.object({
  ...meetingTimes,
  myStatus: z.enum(attendanceStatuses),
  myApologyNote: z.string(),
});
export type UpcomingMeeting = z.infer<typeof upcomingMeeting>;

export const upcoming = z.object({
  timeZone: out.timeZone,
  events: z.array(programmeEvent),
  meetings: z.array(upcomingMeeting),
  polls: z.array(
    z.object({
      id: out.id,
      title: z.string(),
      setId: z.string().nullable(),
      purpose: z.enum(pollPurposes),
      answered: z.boolean(),
    }),
  ),
  actions: z.array(
    z.object({
      id: out.id,
      text: z.string(),
      dueOn: z.string().nullable(),
      setId: out.id,
      setName: z.string(),
    }),
  ),
});
export type Upcoming = z.infer<typeof upcoming>;

export const getUpcoming = route({
  method: 'GET',
  path: '/api/me/upcoming',
  tags: ['schedule'],
  summary: 'Your next meetings and programme events, open polls and open actions, in your own time zone',
  response: upcoming,
});
