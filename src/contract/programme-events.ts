/** Programme events: dates for everyone in a programme's sets (e.g. a gathering a programme-wide poll decided). */
import { z } from 'zod';
import {
  durationMinutes,
  idParams,
  localDateTime,
  name,
  out,
  shortText,
  timeZone,
  videoUrl,
} from './fields.ts';
import { route } from './route.ts';

/** 'gathering': a programme-wide date (e.g. from a poll); 'workshop': a plenary workshop (see workshops.ts). */
export const programmeEventKinds = ['gathering', 'workshop'] as const;
export type ProgrammeEventKind = (typeof programmeEventKinds)[number];
export const programmeEventStatuses = ['scheduled', 'cancelled'] as const;
export type ProgrammeEventStatus = (typeof programmeEventStatuses)[number];

/** An event as its readers see it: times in its own zone and the viewer's, and what the viewer may do. */
export const programmeEvent = z.object({
  id: out.id,
  programmeId: out.id,
  programmeName: z.string(),
  kind: z.enum(programmeEventKinds),
  title: z.string(),
  startsAt: out.instant,
  endsAt: out.instant,
  timeZone: out.timeZone,
  /** Wall-clock times in the event's zone, e.g. 2027-05-19T13:00. */
  localStart: z.string(),
  localEnd: z.string(),
  /** Wall-clock times in the viewer's zone. */
  viewerLocalStart: z.string(),
  viewerLocalEnd: z.string(),
  place: z.string(),
  videoUrl: z.string(),
  status: z.enum(programmeEventStatuses),
  /** The iCalendar SEQUENCE: one more with each change. */
  sequence: z.number().int(),
  /** The programme-wide poll that decided it, if any. */
  pollId: z.string().nullable(),
  /** The workshop this event dates, for a workshop. */
  workshopId: z.string().nullable(),
  /** Move or cancel it: only while it is still to come and not cancelled. */
  abilities: z.object({ manage: z.boolean() }),
});
export type ProgrammeEvent = z.infer<typeof programmeEvent>;

export const listProgrammeEvents = route({
  method: 'GET',
  path: '/api/programmes/:id/events',
  tags: ['schedule'],
  summary: "A programme's own events (e.g. a gathering decided by a programme-wide poll), earliest first",
  params: idParams,
  response: z.array(programmeEvent),
});

export const getProgrammeEvent = route({
  method: 'GET',
  path: '/api/programme-events/:id',
  tags: ['schedule'],
  summary: 'One programme event',
  params: idParams,
  response: programmeEvent,
});

export const createProgrammeEvent = route({
  method: 'POST',
  path: '/api/programmes/:id/events',
  tags: ['schedule'],
  summary:
    'Add a programme date that is already agreed (no poll): everyone in the programme’s sets gets it by email with its .ics',
  params: idParams,
  body: z.strictObject({
    title: name,
    /** Wall-clock start in the event's zone, e.g. 2027-05-19T13:00. */
    localStart: localDateTime,
    timeZone,
    durationMinutes,
    place: shortText.default(''),
    videoUrl: videoUrl.default(''),
  }),
  status: 201,
  response: programmeEvent,
});
export type NewProgrammeEvent = z.output<typeof createProgrammeEvent.body>;

export const changeProgrammeEvent = route({
  method: 'PATCH',
  path: '/api/programme-events/:id',
  tags: ['schedule'],
  summary:
    'Move a programme event or change its title, place or link; everyone in the programme’s sets is told',
  params: idParams,
  body: z
    .strictObject({
      title: name.optional(),
      localStart: localDateTime.optional(),
      timeZone: timeZone.optional(),
      durationMinutes: durationMinutes.optional(),
      place: shortText.optional(),
      videoUrl: videoUrl.optional(),
    })
    .refine((b) => Object.keys(b).length > 0, { message: 'give at least one thing to change' }),
  response: programmeEvent,
});
export type ProgrammeEventChange = z.output<typeof changeProgrammeEvent.body>;

export const cancelProgrammeEvent = route({
  method: 'DELETE',
  path: '/api/programme-events/:id',
  tags: ['schedule'],
  summary: 'Cancel a programme event; it stays in calendars as cancelled, and everyone is told',
  params: idParams,
  response: programmeEvent,
});

export const programmeEventIcs = route({
  method: 'GET',
  path: '/api/programme-events/:id/calendar.ics',
  tags: ['calendar'],
  summary: 'One programme event as an .ics file',
  params: idParams,
  produces: 'text/calendar',
});
