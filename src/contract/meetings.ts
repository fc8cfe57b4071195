/**
 * A set's meetings: scheduling one, attendance and apologies, the agendas meetings start from, fair
 * turns, and each participant's record of a held meeting (as JSON, Markdown and PDF).
 */
import { z } from 'zod';
import { presenterSteps, stageKinds, stageMinutes, titleMaxLength } from '../domain/meeting/agenda.ts';
import { actionOutcomes, bidUrgencies } from '../domain/meeting/types.ts';
import { isValidLocalDateTime } from '../domain/time-zones.ts';
import { attendanceStatuses, meetingStatuses, setActions, setRoles } from './enums.ts';
import { abilities, id, idParams, longText, out, shortText, timeZone } from './fields.ts';
import { route } from './route.ts';

const tags = ['meetings'];

/** A wall-clock time with no zone, read in the meeting's own time zone. */
export const localDateTime = z
  .string()
  .refine(isValidLocalDateTime, { message: 'must be a date and time such as 2027-03-24T10:00' });
/** A video call's link, or nothing. */
export const videoUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);
export const durationMinutes = z
  .number()
  .int()
  .min(15)
  .max(12 * 60);

// Responses

export const agendaStage = z.object({
  key: z.enum(stageKinds),
  title: z.string(),
  minutes: z.number().int(),
  optional: z.boolean(),
});

export const attendanceEntry = z.object({
  personId: out.id,
  name: z.string(),
  role: z.enum(setRoles),
  status: z.enum(attendanceStatuses),
  /** Set content: only members and the facilitator of the set receive it. */
  apologyNote: z.string().optional(),
});
export type AttendanceEntry = z.infer<typeof attendanceEntry>;

export const meeting = z.object({
  id: out.id,
  setId: out.id,
  startsAt: out.instant,
  endsAt: out.instant,
  timeZone: out.timeZone,
  /** Wall-clock start and end in the meeting's own zone, YYYY-MM-DDTHH:mm. */
  localStart: z.string(),
  localEnd: z.string(),
  place: z.string(),
  videoUrl: z.string(),
  status: z.enum(meetingStatuses),
  /** Grows with every change, so calendars replace the event they hold. */
  sequence: z.number().int(),
  agenda: z.array(agendaStage),
  attendance: z.array(attendanceEntry),
  /** Those expected or present: who the set can count on. */
  expectedCount: z.number().int(),
  abilities: abilities(setActions),
});
export type Meeting = z.infer<typeof meeting>;

export const agendaAnswer = z.object({
  agenda: z.array(agendaStage),
  /** False while the programme follows METHOD.md's default. */
  custom: z.boolean(),
});

export const setAgendaAnswer = z.object({
  /** Null while the set follows its programme's agenda. */
  agenda: z.array(agendaStage).nullable(),
  custom: z.boolean(),
});

const presenters = z.array(z.object({ personId: out.id, airtimeMs: z.number() }));

/** Counts and airtime only (never what was said), so coordinators may see them too. */
export const setTurns = z.object({
  perMember: z.array(
    z.object({
      personId: out.id,
      presentations: z.number().int(),
      airtimeMs: z.number(),
      lastPresentedOn: z.string().nullable(),
    }),
  ),
  /** Every member, those who should present soonest first. */
  suggestedNext: z.array(out.id),
  explanation: z.string(),
  members: z.array(z.object({ personId: out.id, name: z.string() })),
  history: z.array(z.object({ meetingId: out.id, heldOn: z.string(), presenters })),
  actionCounts: z.array(
    z.object({ personId: out.id, committed: z.number().int(), completed: z.number().int() }),
  ),
});
export type SetTurns = z.infer<typeof setTurns>;

/** What one participant keeps from a held meeting: theirs in full, the set's as names and counts. */
export const meetingRecord = z.object({
  meetingId: out.id,
  setId: out.id,
  personId: out.id,
  name: z.string(),
  status: z.enum(['not-started', 'live', 'ended']),
  startedAt: out.instant.nullable(),
  endedAt: out.instant.nullable(),
  agendaRun: z.array(z.object({ title: z.string(), at: out.instant })),
  attended: z.array(z.string()),
  absent: z.array(z.string()),
  groundRules: z.array(z.string()),
  presenters: z.array(
    z.object({
      name: z.string(),
      airtimeMs: z.number(),
      questions: z.number().int(),
      actions: z.number().int(),
    }),
  ),
  processReview: z.array(z.string()),
  mine: z.object({
    checkIn: z.string().nullable(),
    checkOut: z.object({ text: z.string(), usefulness: z.number().nullable() }).nullable(),
    bid: z
      .object({
        minutes: z.number(),
        urgency: z.enum(bidUrgencies),
        reason: z.string().nullable(),
        problemId: out.id.nullable(),
        at: out.instant,
      })
      .nullable(),
    reportBacks: z.array(
      z.object({ text: z.string(), outcome: z.enum(actionOutcomes), learned: z.string().nullable() }),
    ),
    turn: z
      .object({
        airtimeMs: z.number(),
        problem: z
          .object({
            problemId: out.id,
            title: z.string(),
            statementBrought: z.string(),
            reframes: z.array(z.string()),
          })
          .nullable(),
        questions: z.array(
          z.object({
            text: z.string(),
            askedBy: z.string(),
            step: z.enum(presenterSteps),
            struckHome: z.boolean(),
          }),
        ),
        actions: z.array(z.object({ actionId: out.id, text: z.string(), dueOn: out.date.nullable() })),
        feedback: z.string().nullable(),
      })
      .nullable(),
  }),
});
export type MeetingRecord = z.infer<typeof meetingRecord>;

// Routes

export const listMeetings = route({
  method: 'GET',
  path: '/api/sets/:id/meetings',
  tags,
  summary: "A set's meetings, earliest first, with attendance",
  params: idParams,
  response: z.array(meeting),
});

export const scheduleMeeting = route({
  method: 'POST',
  path: '/api/sets/:id/meetings',
  tags,
  summary: 'Schedule a meeting: a wall-clock start in an explicit time zone, a length, a place or video link',
  params: idParams,
  body: z.strictObject({
    localStart: localDateTime,
    timeZone,
    durationMinutes: durationMinutes.default(180),
    place: shortText.default(''),
    videoUrl: videoUrl.default(''),
  }),
  status: 201,
  response: meeting,
});

export const getMeeting = route({
  method: 'GET',
  path: '/api/meetings/:id',
  tags,
  summary: 'One meeting: time, place, agenda and attendance',
  params: idParams,
  response: meeting,
});

export const updateMeeting = route({
  method: 'PATCH',
  path: '/api/meetings/:id',
  tags,
  summary: 'Move a meeting, change its place or link, cancel or restore it',
  params: idParams,
  body: z.strictObject({
    localStart: localDateTime.optional(),
    timeZone: timeZone.optional(),
    durationMinutes: durationMinutes.optional(),
    place: shortText.optional(),
    videoUrl: videoUrl.optional(),
    status: z.enum(['scheduled', 'cancelled']).optional(),
  }),
  response: meeting,
});

export const sendApologies = route({
  method: 'PUT',
  path: '/api/meetings/:id/attendance/me',
  tags,
  summary: 'Send apologies for a meeting (with an optional note to the set), or take them back',
  params: idParams,
  body: z.strictObject({ status: z.enum(['apologies', 'expected']), note: longText.default('') }),
  response: meeting,
});

export const recordAttendance = route({
  method: 'PUT',
  path: '/api/meetings/:id/attendance/:personId',
  tags,
  summary: 'Record whether someone was present, sent apologies or was absent',
  params: z.strictObject({ id, personId: id }),
  body: z.strictObject({ status: z.enum(attendanceStatuses) }),
  response: meeting,
});

/** An agenda as a programme or a set sets it; null goes back to what it would follow otherwise. */
const agendaBody = z.strictObject({
  agenda: z
    .array(
      z.strictObject({
        key: z.enum(stageKinds),
        title: z.string().trim().min(1).max(titleMaxLength),
        minutes: z.number().int().min(stageMinutes.min).max(stageMinutes.max),
        optional: z.boolean(),
      }),
    )
    .min(1)
    .max(20)
    .nullable(),
});

export const getProgrammeAgenda = route({
  method: 'GET',
  path: '/api/programmes/:id/agenda',
  tags,
  summary: "The programme's meeting agenda (METHOD.md's default unless changed)",
  params: idParams,
  response: agendaAnswer,
});

export const setProgrammeAgenda = route({
  method: 'PUT',
  path: '/api/programmes/:id/agenda',
  tags,
  summary: 'Set the agenda new meetings in this programme start from (null restores the default)',
  params: idParams,
  body: agendaBody,
  response: agendaAnswer,
});

export const setSetAgenda = route({
  method: 'PUT',
  path: '/api/sets/:id/agenda',
  tags,
  summary:
    "Set this set's own agenda (rename, reorder, retime or drop optional stages); null follows the programme",
  params: idParams,
  body: agendaBody,
  response: setAgendaAnswer,
});

export const getSetTurns = route({
  method: 'GET',
  path: '/api/sets/:id/turns',
  tags,
  summary: 'Fair turns: who presented when, airtime, and who might present next',
  params: idParams,
  response: setTurns,
});

export const getMeetingRecord = route({
  method: 'GET',
  path: '/api/meetings/:id/record',
  tags,
  summary: 'Your record of a held meeting (set only), with a Markdown export (a PDF is at record.pdf)',
  params: idParams,
  response: z.object({
    record: meetingRecord,
    /** The same record as Markdown, in the record catalogue's words. */
    markdown: z.string(),
  }),
});

export const downloadRecordMarkdown = route({
  method: 'GET',
  path: '/api/meetings/:id/record.md',
  tags,
  summary: 'Download your record of a meeting as Markdown',
  params: idParams,
  produces: 'text/markdown',
});

export const downloadRecordPdf = route({
  method: 'GET',
  path: '/api/meetings/:id/record.pdf',
  tags,
  summary: 'Download your record of a meeting as PDF',
  params: idParams,
  produces: 'application/pdf',
});
