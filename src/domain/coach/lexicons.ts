import { en } from './lexicon/en.ts';
import type { CoachLexicon } from './lexicon.ts';
import type { CoachLanguage } from './types.ts';

/** The lexicon of each supported language. */
export const lexicons: Record<CoachLanguage, CoachLexicon> = { en };
