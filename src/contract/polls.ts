/** Availability polls: a set asked for its regular slot or a one-off date, a programme for an event's date. */
import { z } from 'zod';
import { pollAnswers, pollPurposes } from '../domain/schedule/polls.ts';
import {
  durationMinutes,
  id,
  idParams,
  isoDate,
  localDateTime,
  name,
  out,
  shortText,
  timeZone,
  videoUrl,
} from './fields.ts';
import { route } from './route.ts';
import { pattern } from './series.ts';

export { pollAnswers, pollPurposes };

export const pollStatuses = ['open', 'confirmed', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

/** A poll offers from two to this many times. */
export const maxPollOptions = 20;

const pollFields = {
  title: name,
  timeZone,
  durationMinutes: durationMinutes.default(180),
  /** Candidate times, wall clock in the poll's zone. */
  options: z.array(localDateTime).min(2).max(maxPollOptions),
  place: shortText.default(''),
  videoUrl: videoUrl.default(''),
};

export const setPollBody = z.strictObject({
  ...pollFields,
  purpose: z.enum(pollPurposes),
  pattern: pattern.optional(),
  untilDate: isoDate.optional(),
});
export const programmePollBody = z.strictObject(pollFields);
/** A poll as the service takes it, for a set or (always for a date) a programme. */
export type PollInput = z.output<typeof setPollBody>;

/** What confirming made: a set's series or meeting, or a programme event. */
export const pollResult = z.object({
  seriesId: z.string().optional(),
  meetingId: z.string().optional(),
  programmeEventId: z.string().optional(),
});
export type PollResult = z.infer<typeof pollResult>;

export const poll = z.object({
  id: out.id,
  title: z.string(),
  purpose: z.enum(pollPurposes),
  setId: z.string().nullable(),
  programmeId: out.id,
  timeZone: out.timeZone,
  viewerTimeZone: out.timeZone,
  durationMinutes: z.number().int(),
  pattern: z.object(pattern.shape).nullable(),
  untilDate: z.string().nullable(),
  place: z.string(),
  videoUrl: z.string(),
  status: z.enum(pollStatuses),
  confirmedOptionId: z.string().nullable(),
  result: pollResult.nullable(),
  /** Everyone asked, and how many of them have answered. */
  participantCount: z.number().int(),
  respondentCount: z.number().int(),
  /** Most yes, then fewest no, then most if need be; none before anyone answers. */
  suggestedOptionId: z.string().nullable(),
  options: z.array(
    z.object({
      id: out.id,
      startsAt: out.instant,
      endsAt: out.instant,
      /** Wall clock in the poll's zone, and in the viewer's. */
      localStart: z.string(),
      viewerLocalStart: z.string(),
      viewerLocalEnd: z.string(),
      optionId: out.id,
      yes: z.number().int(),
      ifNeedBe: z.number().int(),
      no: z.number().int(),
      unanswered: z.number().int(),
    }),
  ),
  /** The viewer's own answers, by option id. */
  myAnswers: z.record(z.string(), z.enum(pollAnswers)),
  abilities: z.object({ answer: z.boolean(), confirm: z.boolean() }),
});
export type Poll = z.infer<typeof poll>;

export const createSetPoll = route({
  method: 'POST',
  path: '/api/sets/:id/polls',
  tags: ['polls'],
  summary:
    'Ask a set when it can meet: for its regular slot (confirming creates the series) or for a one-off date',
  params: idParams,
  body: setPollBody,
  status: 201,
  response: poll,
});

export const createProgrammePoll = route({
  method: 'POST',
  path: '/api/programmes/:id/polls',
  tags: ['polls'],
  summary: 'Ask everyone in a programme when they can come to a programme-wide event',
  params: idParams,
  body: programmePollBody,
  status: 201,
  response: poll,
});

export const listSetPolls = route({
  method: 'GET',
  path: '/api/sets/:id/polls',
  tags: ['polls'],
  summary: "A set's polls, newest first",
  params: idParams,
  response: z.array(poll),
});

export const listProgrammePolls = route({
  method: 'GET',
  path: '/api/programmes/:id/polls',
  tags: ['polls'],
  summary: "A programme's programme-wide polls",
  params: idParams,
  response: z.array(poll),
});

export const getPoll = route({
  method: 'GET',
  path: '/api/polls/:id',
  tags: ['polls'],
  summary:
    'A poll: its options in the poll’s zone and yours, the tallies, the suggested option, your answers',
  params: idParams,
  response: poll,
});

export const answerPoll = route({
  method: 'PUT',
  path: '/api/polls/:id/answers',
  tags: ['polls'],
  summary: 'Answer a poll: yes, if need be or no for each option',
  params: idParams,
  body: z.strictObject({
    answers: z
      .array(z.strictObject({ optionId: id, answer: z.enum(pollAnswers) }))
      .min(1)
      .max(maxPollOptions),
  }),
  response: poll,
});

export const confirmPoll = route({
  method: 'POST',
  path: '/api/polls/:id/confirm',
  tags: ['polls'],
  summary:
    'Confirm an option: creates the series or meeting and tells everyone asked. While nobody has answered, the confirmation is refused (409) unless it says force: true.',
  params: idParams,
  body: z.strictObject({
    optionId: id,
    /** Decide even though nobody has answered yet (the page asks first). */
    force: z.boolean().optional(),
  }),
  response: poll,
});
