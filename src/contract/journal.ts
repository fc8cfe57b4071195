/** The learning journal: a member's entries in a set, private unless shared with the set. */
import { z } from 'zod';
import { journalActions, journalVisibilities } from './enums.ts';
import { abilities, id, idParams, longText, out } from './fields.ts';
import { route } from './route.ts';

const tags = ['journal'];

/** The prompts of METHOD.md: what I learned about my problem, others' problems, the set, myself; my actions. */
export const journalPrompts = ['myProblem', 'othersProblems', 'theSet', 'myself', 'myActions'] as const;
export type JournalPrompt = (typeof journalPrompts)[number];

const prompted = <S extends z.ZodType>(answer: S) =>
  Object.fromEntries(journalPrompts.map((p) => [p, answer])) as { [P in JournalPrompt]: S };

/** Any of the prompts, at least one of them answered. */
export const journalAnswers = z
  .strictObject(prompted(longText.optional()))
  .refine((a) => Object.values(a).some((v) => v && v.length > 0), {
    message: 'must answer at least one prompt',
  });
export type JournalAnswers = z.output<typeof journalAnswers>;

const visibility = z.enum(journalVisibilities);

export const journalEntry = z.object({
  id: out.id,
  author: z.object({ id: out.id, name: z.string() }),
  setId: out.id,
  /** The meeting it looks back on, if any. */
  meetingId: out.id.nullable(),
  answers: z.object(prompted(z.string().optional())),
  visibility,
  createdAt: out.instant,
  updatedAt: out.instant,
  abilities: abilities(journalActions),
});
export type JournalEntry = z.infer<typeof journalEntry>;

export const listJournal = route({
  method: 'GET',
  path: '/api/sets/:id/journal',
  tags,
  summary: 'Your learning journal in this set, and entries others shared with it',
  params: idParams,
  response: z.array(journalEntry),
});

export const createJournalEntry = route({
  method: 'POST',
  path: '/api/sets/:id/journal',
  tags,
  summary: 'Write a journal entry (private unless you share it with your set)',
  params: idParams,
  body: z.strictObject({
    meetingId: id.nullable().default(null),
    answers: journalAnswers,
    visibility: visibility.default('private'),
  }),
  status: 201,
  response: journalEntry,
});

export const getJournalEntry = route({
  method: 'GET',
  path: '/api/journal/:id',
  tags,
  summary: 'One journal entry (its author, or the set when shared)',
  params: idParams,
  response: journalEntry,
});

export const updateJournalEntry = route({
  method: 'PATCH',
  path: '/api/journal/:id',
  tags,
  summary: 'Edit your entry, or share it with your set / make it private again',
  params: idParams,
  body: z.strictObject({ answers: journalAnswers.optional(), visibility: visibility.optional() }),
  response: journalEntry,
});

export const deleteJournalEntry = route({
  method: 'DELETE',
  path: '/api/journal/:id',
  tags,
  summary: 'Delete your journal entry',
  params: idParams,
  status: 204,
  response: null,
});
