/**
 * Feedback during the programme and its review (issue 9, items 4-6): the pulse after each meeting, the
 * programme review (questionnaire, answers, reminders) and its report (CSV, PDF, publication). Every
 * figure leaves the server as an aggregate over at least K answers; no response names a person.
 */
import { z } from 'zod';
import { minAnswers } from '../domain/feedback/k-rule.ts';
import {
  questionKinds,
  questionLimits,
  reviewLevels,
  reviewPhases,
} from '../domain/feedback/questionnaire.ts';
import { abilities, hostParams, id, idParams, out } from './fields.ts';
import { route } from './route.ts';

export { minAnswers, questionKinds, questionLimits, reviewLevels, reviewPhases };

const tags = ['feedback'];
const programmeParams = z.strictObject({ programmeId: id });
const setParams = z.strictObject({ setId: id });
const meetingParams = z.strictObject({ meetingId: id });

export const reviewActions = [
  'review.read',
  'review.manage',
  'review.answer',
  'review.readReport',
  'report.publish',
  'report.readPublished',
] as const;

// Shapes shared by responses

const scalePoint = z.number().int().min(1).max(5);

/** A 1-5 aggregate: figures only over K answers or more; below that, only how many there are. */
export const scaleAggregate = z.union([
  z.object({
    shown: z.literal(true),
    count: z.number(),
    mean: z.number(),
    distribution: z.array(z.number()),
  }),
  z.object({ shown: z.literal(false), count: z.number(), needed: z.number() }),
]);
export const choiceAggregate = z.union([
  z.object({ shown: z.literal(true), count: z.number(), counts: z.array(z.number()) }),
  z.object({ shown: z.literal(false), count: z.number(), needed: z.number() }),
]);

export const pulseSummary = z.object({ count: z.number(), useful: scaleAggregate, safe: scaleAggregate });
export const trendPoint = z.object({ key: z.string(), from: out.instant, summary: pulseSummary });

// Settings

export const feedbackSettings = z.object({ minAnswers: z.number(), floor: z.number(), default: z.number() });

export const getFeedbackSettings = route({
  method: 'GET',
  path: '/api/hosts/:hostId/feedback-settings',
  tags,
  summary: 'K: the fewest answers a pulse or review figure is shown over (5 unless changed, never below 3)',
  params: hostParams,
  response: feedbackSettings,
});

export const updateFeedbackSettings = route({
  method: 'PUT',
  path: '/api/hosts/:hostId/feedback-settings',
  tags,
  summary: 'Change K for the whole host (host admins)',
  params: hostParams,
  body: z.strictObject({ minAnswers: z.number().int().min(minAnswers.floor).max(minAnswers.ceiling) }),
  response: feedbackSettings,
});

// Pulses

export const pulseBody = z.strictObject({
  useful: scalePoint,
  safe: scalePoint,
  comment: z.string().trim().max(500).default(''),
});

export const meetingPulse = z.object({
  meetingId: out.id,
  setId: out.id,
  startsAt: out.instant,
  /** Whether the meeting is over, so its pulse can be given. */
  open: z.boolean(),
  /** Whether the viewer is one who answers (a member of the set). */
  canAnswer: z.boolean(),
  /** The viewer's own answer, if they gave one: nobody else ever sees it. */
  mine: z.object({ useful: z.number(), safe: z.number(), comment: z.string() }).nullable(),
  k: z.number(),
  summary: pulseSummary,
  /** Comments without names, in random order, once K answers exist; null before. */
  comments: z.array(z.string()).nullable(),
});
export type MeetingPulse = z.infer<typeof meetingPulse>;

export const getMeetingPulse = route({
  method: 'GET',
  path: '/api/meetings/:meetingId/pulse',
  tags,
  summary: "A meeting's pulse for its set: your own answer, and the set's aggregate over K answers or more",
  params: meetingParams,
  response: meetingPulse,
});

export const answerPulse = route({
  method: 'PUT',
  path: '/api/meetings/:meetingId/pulse',
  tags,
  summary: 'Give or change your pulse for a meeting that is over (anonymous: stored without your name)',
  params: meetingParams,
  body: pulseBody,
  response: meetingPulse,
});

export const withdrawPulse = route({
  method: 'DELETE',
  path: '/api/meetings/:meetingId/pulse',
  tags,
  summary: 'Withdraw your pulse for a meeting',
  params: meetingParams,
  response: meetingPulse,
});

export const setPulses = z.object({
  setId: out.id,
  k: z.number(),
  overall: pulseSummary,
  /** One point per meeting that is over, earliest first. */
  meetings: z.array(trendPoint),
});

export const getSetPulses = route({
  method: 'GET',
  path: '/api/sets/:setId/pulses',
  tags,
  summary: "The set's pulses over time, per meeting, K-ruled (for the set's members and facilitator)",
  params: setParams,
  response: setPulses,
});

export const programmePulses = z.object({
  programmeId: out.id,
  k: z.number(),
  overall: pulseSummary,
  /** One point per month, earliest first. */
  months: z.array(trendPoint),
});

export const getProgrammePulses = route({
  method: 'GET',
  path: '/api/programmes/:programmeId/pulses',
  tags,
  summary: "The programme's pulses over time, per month, K-ruled (coordinators and host admins)",
  params: programmeParams,
  response: programmePulses,
});

// Reviews

export const question = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,20}$/, { message: 'use 1-20 lower-case letters, digits or dashes' }),
  kind: z.enum(questionKinds),
  level: z.enum(reviewLevels),
  text: z.string().trim().min(3).max(300),
  options: z.array(z.string().trim().min(1).max(100)).max(questionLimits.optionsMax).optional(),
});
export type QuestionInput = z.infer<typeof question>;

const questionOut = z.object({
  id: z.string(),
  kind: z.enum(questionKinds),
  level: z.enum(reviewLevels),
  text: z.string(),
  options: z.array(z.string()).optional(),
});

export const answer = z.strictObject({
  questionId: z.string().max(20),
  value: z.union([z.number().int(), z.string().max(questionLimits.textMax), z.null()]),
  quotable: z.boolean().default(false),
});

export const reviewStates = ['draft', 'scheduled', 'open', 'closed'] as const;

export const review = z.object({
  id: out.id,
  programmeId: out.id,
  title: z.string(),
  phase: z.enum(reviewPhases),
  state: z.enum(reviewStates),
  version: z.number(),
  opensAt: out.instant.nullable(),
  closesAt: out.instant.nullable(),
  publishedAt: out.instant.nullable(),
  questions: z.array(questionOut),
  /** How many have answered (all versions), and how many were asked (the programme's participants). */
  responses: z.number(),
  invited: z.number(),
  /** The viewer's own answers and the version they answered, if any. */
  mine: z
    .object({
      version: z.number(),
      answers: z.array(
        z.object({
          questionId: z.string(),
          value: z.union([z.number(), z.string(), z.null()]),
          quotable: z.boolean(),
        }),
      ),
    })
    .nullable(),
  abilities: abilities(reviewActions),
});
export type Review = z.infer<typeof review>;

export const listReviews = route({
  method: 'GET',
  path: '/api/programmes/:programmeId/reviews',
  tags,
  summary: "The programme's reviews: all for those who run it; for participants, those opened to them",
  params: programmeParams,
  response: z.object({
    reviews: z.array(review),
    canCreate: z.boolean(),
    template: z.array(questionOut),
  }),
});

export const createReview = route({
  method: 'POST',
  path: '/api/programmes/:programmeId/reviews',
  tags,
  summary:
    'Start a review from the template (reaction, learning, behaviour, results, and the founding themes)',
  params: programmeParams,
  body: z.strictObject({
    title: z.string().trim().min(1).max(200),
    phase: z.enum(reviewPhases),
    questions: z.array(question).max(questionLimits.questionsMax).optional(),
  }),
  status: 201,
  response: review,
});

export const getReview = route({
  method: 'GET',
  path: '/api/reviews/:id',
  tags,
  summary: 'One review: its questions (current version), dates, how many answered, and your own answers',
  params: idParams,
  response: review,
});

export const updateReview = route({
  method: 'PATCH',
  path: '/api/reviews/:id',
  tags,
  summary:
    'Change a review: title, dates, questions (once answered, question changes need newVersion: true, and answers keep theirs)',
  params: idParams,
  body: z.strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    opensAt: z.iso.datetime().nullable().optional(),
    closesAt: z.iso.datetime().nullable().optional(),
    questions: z.array(question).max(questionLimits.questionsMax).optional(),
    newVersion: z.boolean().default(false),
  }),
  response: review,
});

export const answerReview = route({
  method: 'PUT',
  path: '/api/reviews/:id/answers',
  tags,
  summary: 'Give or change your answers while the review is open (anonymous: stored without your name)',
  params: idParams,
  body: z.strictObject({ answers: z.array(answer).max(questionLimits.questionsMax) }),
  response: review,
});

export const remindReview = route({
  method: 'POST',
  path: '/api/reviews/:id/reminders',
  tags,
  summary: 'Mail a reminder to every participant who has not answered the open review yet',
  params: idParams,
  response: z.object({ queued: z.number() }),
});

export const publishReport = route({
  method: 'PUT',
  path: '/api/reviews/:id/publication',
  tags,
  summary: "Publish the review's report to every participant of the programme, or take it back",
  params: idParams,
  body: z.strictObject({ published: z.boolean() }),
  response: review,
});

// The report

const questionResult = z.object({
  question: questionOut,
  version: z.number(),
  kind: z.enum(questionKinds),
  scale: scaleAggregate.optional(),
  choice: choiceAggregate.optional(),
  /** Free text: how many answered, and how many let themselves be quoted. */
  answered: z.number().optional(),
  quotable: z.number().optional(),
});

export const setFigures = z.object({
  setId: out.id,
  setName: z.string(),
  meetingsHeld: z.number(),
  /** Attendance: places at held meetings (people expected) and those present. */
  places: z.number(),
  present: z.number(),
  attendanceRate: z.number().nullable(),
  actionsCommitted: z.number(),
  actionsCompleted: z.number(),
  completionRate: z.number().nullable(),
});

/** A workshop of the programme: how many said they were coming and how many came. Counts only. */
export const workshopFigures = z.object({
  workshopId: out.id,
  title: z.string(),
  startsAt: out.instant.nullable(),
  coming: z.number(),
  /** Null until the coordinator or facilitator records attendance. */
  attended: z.number().nullable(),
});

export const reviewReport = z.object({
  review: review,
  k: z.number(),
  responseRate: z.object({ responses: z.number(), invited: z.number(), rate: z.number().nullable() }),
  /** False below K responses: then no question shows figures and no quote is shown. */
  enough: z.boolean(),
  questions: z.array(questionResult),
  quotes: z.array(z.object({ questionId: z.string(), question: z.string(), text: z.string() })),
  pulses: programmePulses,
  sets: z.array(setFigures),
  workshops: z.array(workshopFigures),
  /** ECharts options, built by the same code as the PDF's charts. */
  charts: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      option: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type ReviewReport = z.infer<typeof reviewReport>;

export const getReport = route({
  method: 'GET',
  path: '/api/reviews/:id/report',
  tags,
  summary:
    "The review's report: response rate, each question's distribution, pulse trends, set figures, quotes",
  params: idParams,
  response: reviewReport,
});

export const downloadReportCsv = route({
  method: 'GET',
  path: '/api/reviews/:id/report.csv',
  tags,
  summary: "The review's report as CSV (aggregates only)",
  params: idParams,
  produces: 'text/csv',
});

export const downloadReportPdf = route({
  method: 'GET',
  path: '/api/reviews/:id/report.pdf',
  tags,
  summary: "The review's report as PDF, charts included",
  params: idParams,
  produces: 'application/pdf',
});
