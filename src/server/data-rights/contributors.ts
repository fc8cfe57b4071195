/**
 * Every contributor to a person's data, in the order their download lists them and their erasure runs.
 * To plug in a feature (pulses, review answers, audit entries ...): write `src/server/data-rights/<feature>.ts`
 * exporting a `Contributor` (see types.ts) and add it to this list, before `storedCopies`, which runs last.
 */
import { feedbackAnswers } from './feedback.ts';
import { applications, mail, profile, signIn, storedCopies } from './personal.ts';
import {
  actions,
  attendanceNotes,
  concerns,
  journal,
  problems,
  questionsReceived,
  roomWords,
} from './set-content.ts';
import type { Contributor } from './types.ts';
import { workshopActions, workshopAnswers } from './workshops.ts';

export const contributors: Contributor[] = [
  profile,
  applications,
  problems,
  questionsReceived,
  actions,
  journal,
  attendanceNotes,
  concerns,
  workshopActions,
  workshopAnswers,
  feedbackAnswers,
  roomWords,
  mail,
  signIn,
  storedCopies,
];

/** What a member exports of one programme when it closes: their own set content. */
export const programmeContent: Contributor[] = [
  problems,
  questionsReceived,
  actions,
  journal,
  workshopActions,
];
