/**
 * Open rewrites for a question the coach flagged, built from the member's own words where it can.
 * Rewrites are i18n keys with parameters, not sentences, so the web can translate them; the English
 * defaults are in `coachHintTexts` until the i18n catalogues adopt the keys (i18next's {{name}} syntax).
 */
import { lexicons } from './lexicons.ts';
import type { CoachLanguage, CoachResult } from './types.ts';

export interface Rewrite {
  key: string;
  params: Record<string, string>;
}

/** English defaults: what each label means for the member, and the rewrite templates. */
export const coachHintTexts: Record<CoachLanguage, Record<string, string>> = {
  en: {
    'coach.hint.OPEN': 'An open question: it invites the presenter to think.',
    'coach.hint.CLOSED':
      'This can be answered with yes, no or a number. An open question (what, how) invites more thinking.',
    'coach.hint.ADVICE_LEADING':
      'This carries a suggestion of your own. In action learning the presenter finds the options.',
    'coach.hint.MULTIPLE': 'This asks more than one question. Ask one, and wait for the answer.',
    'coach.hint.JUDGEMENTAL_WHY':
      'This may sound like blame. Asking what or how keeps the presenter thinking.',
    'coach.hint.NOT_A_QUESTION': 'This is a statement or advice. In this stage the set asks questions.',
    'coach.rewrite.optionsConsidered': 'What options have you considered for this?',
    'coach.rewrite.wouldMakePossible': 'What would {{action}} make possible?',
    'coach.rewrite.whatWouldHelp': 'What do you think would help most here?',
    'coach.rewrite.whatLedYou': 'What led you to {{action}}?',
    'coach.rewrite.whatGotInTheWay': 'What got in the way of {{action}}?',
    'coach.rewrite.whatWasHappening': 'What was happening for you at the time?',
    'coach.rewrite.oneAtATime': '{{question}}',
    'coach.rewrite.howDoYouSee': 'How do you see {{topic}}?',
    'coach.rewrite.whatIsYourSense': 'What is your sense of this?',
    'coach.rewrite.whatElse': 'What else is there to it for you?',
    'coach.rewrite.whatDoYouMakeOf': 'What do you make of this?',
    'coach.rewrite.whatMatters': 'What matters most to you in this?',
  },
};

/** Fills a rewrite's template from the catalogue (English by default). */
export function renderRewrite(rewrite: Rewrite, texts: Record<string, string> = coachHintTexts.en): string {
  const template = texts[rewrite.key] ?? rewrite.key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => rewrite.params[name] ?? '');
}

/** The captured words, without trailing punctuation or doubled spaces. */
const tidy = (phrase: string): string =>
  phrase
    .replace(/\s+/g, ' ')
    .replace(/[\s,.;:!?]+$/u, '')
    .trim();

/**
 * One or two OPEN rewrites for `text`, given its classification. OPEN questions get none.
 * Built from the member's words where a pattern finds them ("Have you tried delegating it?" ->
 * "What would delegating it make possible?"), otherwise a neutral open question.
 */
export function suggestRewrites(
  text: string,
  result: CoachResult,
  language: CoachLanguage = 'en',
): Rewrite[] {
  const lex = lexicons[language];
  const lower = ` ${text.toLowerCase().replace(/’/g, "'")} `;
  switch (result.label) {
    case 'OPEN':
      return [];
    case 'ADVICE_LEADING': {
      const m = lex.rewrite.advicePhrase.exec(lower);
      const action = m?.[1] ? tidy(m[1]) : '';
      // A hypothesis ("is it possible that you are too close to it") is not an action to explore.
      const useful =
        action.split(' ').length <= 8 && /^[a-z]/.test(action) && !lex.rewrite.notAnAction.test(action);
      return useful
        ? [
            { key: 'coach.rewrite.optionsConsidered', params: {} },
            { key: 'coach.rewrite.wouldMakePossible', params: { action: lex.rewrite.verbal(action) } },
          ]
        : [
            { key: 'coach.rewrite.optionsConsidered', params: {} },
            { key: 'coach.rewrite.whatWouldHelp', params: {} },
          ];
    }
    case 'JUDGEMENTAL_WHY': {
      const didnt = lex.rewrite.blameNotDone.exec(lower);
      if (didnt?.[1] && didnt[1].split(' ').length <= 8)
        return [
          { key: 'coach.rewrite.whatGotInTheWay', params: { action: lex.rewrite.verbal(tidy(didnt[1])) } },
          { key: 'coach.rewrite.whatWasHappening', params: {} },
        ];
      const did = lex.rewrite.blameDone.exec(lower);
      if (did?.[1] && did[1].split(' ').length <= 8)
        return [
          { key: 'coach.rewrite.whatLedYou', params: { action: tidy(did[1]) } },
          { key: 'coach.rewrite.whatWasHappening', params: {} },
        ];
      return [
        { key: 'coach.rewrite.whatWasHappening', params: {} },
        { key: 'coach.rewrite.whatMatters', params: {} },
      ];
    }
    case 'MULTIPLE': {
      // Keep the member's first question, as asked: ask it alone.
      const first = result.evidence[0]?.text.trim();
      return first
        ? [{ key: 'coach.rewrite.oneAtATime', params: { question: /\?$/.test(first) ? first : `${first}?` } }]
        : [{ key: 'coach.rewrite.whatIsYourSense', params: {} }];
    }
    case 'CLOSED': {
      const about = lex.rewrite.closedTopic.exec(lower);
      if (about?.[1] && about[1].split(' ').length <= 6)
        return [
          { key: 'coach.rewrite.howDoYouSee', params: { topic: tidy(about[1]) } },
          { key: 'coach.rewrite.whatElse', params: {} },
        ];
      return [
        { key: 'coach.rewrite.whatIsYourSense', params: {} },
        { key: 'coach.rewrite.whatElse', params: {} },
      ];
    }
    case 'NOT_A_QUESTION':
      return [
        { key: 'coach.rewrite.whatDoYouMakeOf', params: {} },
        { key: 'coach.rewrite.whatMatters', params: {} },
      ];
  }
}
