import type { CoachLabel, CoachLanguage } from './types.ts';

/** One rule: a pattern over the normalised text of a question (see lexicon/en.ts for the format). */
export interface CoachRule {
  id: string;
  label: CoachLabel;
  confidence: number;
  re: RegExp;
  /** Not applied to what/how questions ("What have you tried?" is open, "Have you tried X?" is not). */
  skipIfWh?: boolean;
}

/**
 * Everything language-specific the engine needs. Rules run in order; the first that matches decides.
 * Rules whose id starts with `judge-` look at the whole turn (a blaming statement before the question
 * counts); the others look at the question itself.
 */
export interface CoachLexicon {
  language: CoachLanguage;
  /** Contractions and shorthand typed without an apostrophe, and their normal form. */
  contractions: Record<string, string>;
  /** Cue words whose one-letter typos are corrected near the start of a question. */
  typoTargets: string[];
  /** Real words never treated as typos. */
  knownWords: string[];
  preamble: RegExp;
  questionStart: RegExp;
  innerQuestionStart: RegExp;
  tagOnly: RegExp;
  permissionOnly: RegExp;
  /** A what/how/where... question start (but not "what about", "what if"). */
  whStart: RegExp;
  rules: CoachRule[];
  adviceStatement: RegExp;
  agreementAsk: RegExp;
  rewrite: {
    /** Captures, in group 1, the suggested action of an advice question ("delegating it"). */
    advicePhrase: RegExp;
    /** An advice capture that is a hypothesis, not an action ("are too close to it"). */
    notAnAction: RegExp;
    /** Captures what was not done in a blaming question ("Why didn't you [tell her]?"). */
    blameNotDone: RegExp;
    /** Captures what was done in a blaming question ("Why did you [choose that supplier]?"). */
    blameDone: RegExp;
    /** Captures the topic at the end of a closed question ("Are you happy with [the outcome]?"). */
    closedTopic: RegExp;
    /** The phrase with its verb in the form that follows "What would ... make possible?". */
    verbal: (phrase: string) => string;
  };
}

export type Lexicon = CoachLexicon;
