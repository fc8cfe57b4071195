/** The question coach (issue 10): classify a member's question and suggest open rewrites. */
export { classifyQuestion } from './classify.ts';
export { coachHintTexts, type Rewrite, renderRewrite, suggestRewrites } from './rewrite.ts';
export {
  type CoachLabel,
  type CoachLanguage,
  type CoachResult,
  coachLabels,
  type Evidence,
} from './types.ts';
