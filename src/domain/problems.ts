/** What makes a problem worth bringing to a set (METHOD.md, "Problems worth bringing"). */

export const problemKinds = ['work-project', 'how-i-operate'] as const;
export type ProblemKind = (typeof problemKinds)[number];

export const problemStatuses = ['open', 'progressing', 'resolved', 'parked'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

export const intakeChecks = ['real', 'current', 'openEnded', 'mineToActOn'] as const;
export type IntakeCheck = (typeof intakeChecks)[number];
export type IntakeAnswers = Record<IntakeCheck, boolean>;

/** The checks a problem does not pass yet; each is a nudge for the member, not a refusal. */
export function intakeConcerns(answers: IntakeAnswers): IntakeCheck[] {
  return intakeChecks.filter((check) => !answers[check]);
}
