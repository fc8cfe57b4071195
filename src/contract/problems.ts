/** The problems members bring to their set, and every restatement (reframe) of each. */
import { z } from 'zod';
import { intakeChecks, problemKinds, problemStatuses } from '../domain/problems.ts';
import { problemActions } from './enums.ts';
import { abilities, idParams, longText, name, out } from './fields.ts';
import { route } from './route.ts';

const tags = ['problems'];

/** The intake checks, each answered yes or no: real, current, open-ended, yours to act on. */
export const intake = z.strictObject(
  Object.fromEntries(intakeChecks.map((c) => [c, z.boolean()])) as {
    [C in (typeof intakeChecks)[number]]: z.ZodBoolean;
  },
);
/** The problem in its owner's words: as first told, or as restated. */
export const statement = longText.min(1);

export const problemItem = z.object({
  id: out.id,
  setId: out.id,
  owner: z.object({ id: out.id, name: z.string() }),
  title: z.string(),
  story: z.string(),
  kind: z.enum(problemKinds),
  status: z.enum(problemStatuses),
  intake: z.object(intake.shape),
  /** The checks it does not pass yet: nudges for its owner, never a refusal. */
  intakeConcerns: z.array(z.enum(intakeChecks)),
  /** The latest statement: the last reframe, or the story as first told. */
  statement: z.string(),
  history: z.array(
    z.object({ id: out.id, statement: z.string(), meetingId: out.id.nullable(), at: out.instant }),
  ),
  createdAt: out.instant,
  abilities: abilities(problemActions),
});
export type ProblemItem = z.infer<typeof problemItem>;

export const listProblems = route({
  method: 'GET',
  path: '/api/sets/:id/problems',
  tags,
  summary: "The problems the set's members bring, with their history (set only)",
  params: idParams,
  response: z.array(problemItem),
});

export const createProblem = route({
  method: 'POST',
  path: '/api/sets/:id/problems',
  tags,
  summary: 'Bring a problem to your set, with the intake checks (real, current, open-ended, yours to act on)',
  params: idParams,
  body: z.strictObject({ title: name, story: statement, kind: z.enum(problemKinds), intake }),
  status: 201,
  response: problemItem,
});

export const getProblem = route({
  method: 'GET',
  path: '/api/problems/:id',
  tags,
  summary: 'One problem and every reframe of it',
  params: idParams,
  response: problemItem,
});

export const updateProblem = route({
  method: 'PATCH',
  path: '/api/problems/:id',
  tags,
  summary: 'Change your problem’s title, story, kind or status',
  params: idParams,
  body: z.strictObject({
    title: name.optional(),
    story: statement.optional(),
    kind: z.enum(problemKinds).optional(),
    status: z.enum(problemStatuses).optional(),
    intake: intake.optional(),
  }),
  response: problemItem,
});

export const reframeProblem = route({
  method: 'POST',
  path: '/api/problems/:id/reframes',
  tags,
  summary: 'Restate your problem as you see it now; earlier statements are kept',
  params: idParams,
  body: z.strictObject({ statement }),
  status: 201,
  response: problemItem,
});
