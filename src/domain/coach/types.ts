/**
 * The question coach's vocabulary: the six labels of issue 10 and the classifier's result.
 * Pure types, shared by the browser, the server and the CLI.
 */
export const coachLabels = [
  'OPEN',
  'CLOSED',
  'ADVICE_LEADING',
  'MULTIPLE',
  'JUDGEMENTAL_WHY',
  'NOT_A_QUESTION',
] as const;

export type CoachLabel = (typeof coachLabels)[number];

/** Languages with a lexicon. English first; add a module under lexicon/ and list it here. */
export type CoachLanguage = 'en';

/** Words of the member's text that decided the label; offsets index the original string (UTF-16). */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

export interface CoachResult {
  label: CoachLabel;
  /** 0..1: how sure the rule that decided is (see docs/performance.md, "Question coach"). */
  confidence: number;
  evidence: Evidence[];
  /** Name of the rule that decided, for tests, the benchmark and the hint's wording. */
  rule: string;
}
