/**
 * Set formation: runs that propose sets from the accepted participants, moves and locks by hand,
 * re-runs, and publishing. The engine's input is part of a run, so the browser rescores a move at once;
 * `revans form-sets` reads the same shape from a participants file.
 */
import { z } from 'zod';
import {
  FormationInputError,
  issueRules,
  type Preference,
  preferences,
  severities,
  validateFormationInput,
} from '../domain/grouping/index.ts';
import { id, idParams, name, out, urlNumber } from './fields.ts';
import { route } from './route.ts';

export type { Severity } from '../domain/grouping/index.ts';

/** A run is proposed until it is published; publishing one discards the others. */
export const runStatuses = ['proposed', 'published', 'discarded'] as const;

// ---------------------------------------------------------------- the engine's input

export const participant = z.object({
  id: z.string(),
  name: z.string().optional(),
  organisation: z.string(),
  role: z.string().optional(),
  themes: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  /** Offset from UTC in minutes, e.g. 60 for UTC+1. */
  utcOffsetMinutes: z.number().optional(),
  /** Slots such as mon-am; sets prefer slots everyone shares. */
  availability: z.array(z.string()).optional(),
  /** Ids of people this participant must not share a set with. */
  mustAvoid: z.array(z.string()).optional(),
  facilitator: z.boolean().optional(),
});

/** Who is to be placed and how (src/domain/grouping/formation/types.ts explains each field). */
export const formationInput = z.object({
  sizeBounds: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  facilitated: z.boolean().optional(),
  numberOfSets: z.number().int().optional(),
  participants: z.array(participant),
});
export type FormationInput = z.infer<typeof formationInput>;

/**
 * A participants file as `revans form-sets` reads it: first the engine's own checks, whose failures
 * are one sentence naming the participant ("p3" needs an "organisation"), then the shape above.
 */
export const participantsFile = z
  .unknown()
  .superRefine((value, ctx) => {
    try {
      validateFormationInput(value);
    } catch (error) {
      if (!(error instanceof FormationInputError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  })
  .pipe(formationInput);

// ---------------------------------------------------------------- a proposal and its scores

export const formationIssue = z.object({
  severity: z.enum(severities),
  rule: z.enum(issueRules),
  message: z.string(),
  /** 0-based index of the set concerned, if any. */
  set: z.number().int().optional(),
  participants: z.array(z.string()).optional(),
});
export type FormationIssue = z.infer<typeof formationIssue>;

/** Points per preference. */
const breakdown = z.object(
  Object.fromEntries(preferences.map((p) => [p, z.number()])) as Record<Preference, z.ZodNumber>,
);

export const setReport = z.object({
  /** Person ids. */
  members: z.array(z.string()),
  facilitators: z.array(z.string()),
  locked: z.boolean(),
  score: z.number(),
  breakdown,
  met: z.array(z.string()),
  missed: z.array(z.string()),
  /** A short paragraph a coordinator can read. */
  explanation: z.string(),
  issues: z.array(formationIssue),
});
export type SetReport = z.infer<typeof setReport>;

export const runPerson = z.object({
  id: out.id,
  name: z.string(),
  organisation: z.string(),
  role: z.string(),
  facilitator: z.boolean(),
});
export type RunPerson = z.infer<typeof runPerson>;

export const formationRun = z.object({
  id: out.id,
  programmeId: out.id,
  status: z.enum(runStatuses),
  seed: z.number().int(),
  createdAt: out.instant,
  updatedAt: out.instant,
  publishedAt: out.instant.nullable(),
  people: z.array(runPerson),
  sets: z.array(setReport),
  /** Participants in no set. */
  unassigned: z.array(z.string()),
  /** Every rule not met, most serious first. */
  issues: z.array(formationIssue),
  score: z.number(),
  hardViolations: z.number().int(),
  strongViolations: z.number().int(),
  /** What did not map from the applications, e.g. someone to avoid who is not accepted. */
  notices: z.array(z.string()),
  /** What the engine was given: lets the browser rescore a hand move at once. */
  input: formationInput,
});
export type FormationRun = z.infer<typeof formationRun>;

export const runSummary = z.object({
  id: out.id,
  status: z.enum(runStatuses),
  seed: z.number().int(),
  createdAt: out.instant,
  updatedAt: out.instant,
  /** How many sets it proposes. */
  sets: z.number().int(),
  score: z.number(),
  hardViolations: z.number().int(),
  strongViolations: z.number().int(),
});
export type RunSummary = z.infer<typeof runSummary>;

export const published = z.object({
  programmeStatus: z.literal('running'),
  sets: z.array(
    z.object({
      id: out.id,
      name: z.string(),
      members: z.array(out.id),
      facilitators: z.array(out.id),
    }),
  ),
});

// ---------------------------------------------------------------- routes

const seed = z.number().int().min(0).max(2_147_483_647);
const setIndex = z.number().int().min(0).max(500);

export const startRun = route({
  method: 'POST',
  path: '/api/programmes/:id/formation-runs',
  tags: ['formation'],
  summary: 'Propose sets from the accepted participants (the programme must be forming sets)',
  params: idParams,
  body: z.strictObject({
    seed: seed.default(1),
    numberOfSets: z.number().int().min(1).max(500).optional(),
  }),
  status: 201,
  response: formationRun,
});

export const listRuns = route({
  method: 'GET',
  path: '/api/programmes/:id/formation-runs',
  tags: ['formation'],
  summary: "The programme's formation runs, newest first",
  params: idParams,
  response: z.array(runSummary),
});

export const getRun = route({
  method: 'GET',
  path: '/api/formation-runs/:id',
  tags: ['formation'],
  summary: 'A formation run: its sets with scores, explanations and warnings',
  params: idParams,
  response: formationRun,
});

export const movePerson = route({
  method: 'POST',
  path: '/api/formation-runs/:id/moves',
  tags: ['formation'],
  summary: 'Move a person to another set (0-based; the number of sets opens a new one; null unplaces them)',
  params: idParams,
  body: z.strictObject({ personId: id, toSet: setIndex.nullable() }),
  response: formationRun,
});

export const lockSet = route({
  method: 'PATCH',
  path: '/api/formation-runs/:id/sets/:index',
  tags: ['formation'],
  summary: 'Lock a proposed set (kept as it is on re-runs and moves) or unlock it',
  params: z.strictObject({ id, index: urlNumber().int().min(0).max(500) }),
  body: z.strictObject({ locked: z.boolean() }),
  response: formationRun,
});

export const rerun = route({
  method: 'POST',
  path: '/api/formation-runs/:id/rerun',
  tags: ['formation'],
  summary: 'Form the unlocked sets again (locked sets stay; a new seed gives a different proposal)',
  params: idParams,
  body: z.strictObject({ seed: seed.optional() }),
  response: formationRun,
});

export const publishRun = route({
  method: 'POST',
  path: '/api/formation-runs/:id/publish',
  tags: ['formation'],
  summary: 'Publish: create the sets and memberships, start the programme, email every member',
  params: idParams,
  body: z.strictObject({
    setNames: z.array(name).max(500).default([]),
    acceptHardViolations: z.boolean().default(false),
  }),
  response: published,
});
