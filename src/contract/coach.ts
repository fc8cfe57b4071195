/**
 * The question coach (issue 10): its switches (the set's, the person's own) and the share of open
 * questions per meeting, for the set (never per person) and for the viewer alone.
 */
import { z } from 'zod';
import { coachLabels } from '../domain/coach/types.ts';
import { abilities, id, out } from './fields.ts';
import { route } from './route.ts';

export { coachLabels };

const tags = ['coach'];
const setParams = z.strictObject({ setId: id });

/** What the viewer may do about the coach in a set. */
export const setCoachActions = [
  'coach.readSettings',
  'set.configureCoach',
  'coach.readShares',
  'coach.readOwnShares',
] as const;

// Requests

export const switchBody = z.strictObject({ enabled: z.boolean() });

// Responses

export const personalCoach = z.object({
  /** Whether the coach shows you hints in the live room (on every device). */
  enabled: z.boolean(),
});
export type PersonalCoach = z.infer<typeof personalCoach>;

export const setCoach = z.object({
  setId: out.id,
  set: z.object({
    /** Off: nobody in this set sees hints. */
    enabled: z.boolean(),
    /** When it was last switched; null if never (on by default). */
    updatedAt: out.instant.nullable(),
  }),
  mine: personalCoach,
  /** Whether the room shows you hints in this set: both switches on. */
  active: z.boolean(),
  abilities: abilities(setCoachActions),
});
export type SetCoach = z.infer<typeof setCoach>;

const labelCounts = z.object(
  Object.fromEntries(coachLabels.map((l) => [l, z.number().int()])) as {
    [K in (typeof coachLabels)[number]]: z.ZodNumber;
  },
);

const figures = z.object({
  /** Questions asked (in the clarifying and the open questioning steps). */
  asked: z.number().int(),
  /** Of those, the ones the coach reads as open. */
  open: z.number().int(),
  /** open / asked, 0..1; null when nothing was asked. */
  share: z.number().nullable(),
  /** How many questions got each label. */
  labels: labelCounts,
});
export type QuestionFigures = z.infer<typeof figures>;

export const meetingShare = figures.extend({
  meetingId: out.id,
  startsAt: out.instant,
  status: z.enum(['live', 'ended']),
});
export type MeetingShare = z.infer<typeof meetingShare>;

export const questionShares = z.object({
  setId: out.id,
  /** Held meetings (live or ended), oldest first. */
  meetings: z.array(meetingShare),
  overall: figures,
});
export type QuestionShares = z.infer<typeof questionShares>;

// Routes

export const getSetCoach = route({
  method: 'GET',
  path: '/api/sets/:setId/coach',
  tags,
  summary: "Whether the question coach is on in this set, for the set and for you (the set's people)",
  params: setParams,
  response: setCoach,
});

export const updateSetCoach = route({
  method: 'PUT',
  path: '/api/sets/:setId/coach',
  tags,
  summary:
    'Switch the question coach off or on for the whole set (its facilitator; any member of a self-facilitated set)',
  params: setParams,
  body: switchBody,
  response: setCoach,
});

export const getMyCoach = route({
  method: 'GET',
  path: '/api/me/coach',
  tags,
  summary: 'Whether the question coach shows you hints (your own switch, on every device)',
  response: personalCoach,
});

export const updateMyCoach = route({
  method: 'PUT',
  path: '/api/me/coach',
  tags,
  summary: 'Switch the question coach off or on for yourself, in every set and on every device',
  body: switchBody,
  response: personalCoach,
});

export const getQuestionShares = route({
  method: 'GET',
  path: '/api/sets/:setId/question-shares',
  tags,
  summary: "The share of open questions in each of the set's meetings, never per person (the set only)",
  params: setParams,
  response: questionShares,
});

export const getMyQuestionShares = route({
  method: 'GET',
  path: '/api/sets/:setId/question-shares/mine',
  tags,
  summary:
    'Your own questions in each of the set’s meetings: how many, and the share of open ones (you only)',
  params: setParams,
  response: questionShares,
});
