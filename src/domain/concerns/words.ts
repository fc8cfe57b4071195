/**
 * The words of a statement that say what it is about: lower case, without stop words, each with its
 * stem and the word as it was written (to show people a word, not a stem).
 */
import { stem } from './stem.ts';

/**
 * English function words, and words almost every concern statement uses ("we", "how", "need") that say
 * nothing about what it is about.
 */
const stopWords = new Set(
  `a about above across after again against all almost also although always am among an and another any
  anyone anything are aren around as at away be became because become becomes been before being below
  between both but by can cannot could couldn did didn do does doesn doing don done down during each
  either else enough especially etc even ever every few for from further get gets getting give given go
  goes going got had hadn has hasn have haven having he her here hers herself him himself his how however
  i if in into is isn it its itself just keep kept least less let like made make makes making many may
  me might more most much must my myself need needs needed neither no nor not now of off often on once
  one only or other others otherwise our ours ourselves out over own per perhaps quite rather really
  same see seem seems shall she should shouldn since so some something sometimes still such than that
  the their theirs them themselves then there these they thing things this those though through thus to
  too toward towards under until up upon us use used using very via want wants was wasn way ways we well
  were weren what whatever when where whether which while who whom whose why will with within without
  won would wouldn yet you your yours yourself yourselves able across lot lots new often within
  concern concerns issue issues problem problems cant wont dont doesnt isnt arent wasnt werent havent
  hasnt hadnt shouldnt wouldnt couldnt didnt ive youre theyre weve`
    .split(/\s+/)
    .filter(Boolean),
);

export interface Word {
  stem: string;
  /** The word as written, in lower case. */
  surface: string;
}

/** The words that carry meaning, in order: letters only, at least three of them, no stop words. */
export function contentWords(text: string): Word[] {
  const words: Word[] = [];
  for (const raw of text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)) {
    const word = raw.replace(/'s$/, '').replace(/'/g, '');
    if (word.length < 3 || stopWords.has(word) || /^\p{N}+$/u.test(word)) continue;
    words.push({ stem: stem(word), surface: word });
  }
  return words;
}
