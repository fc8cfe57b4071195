/** Availability polls: the answers members give, and which option is best. Pure. */

/** 'slot': a set's regular slot (confirming creates its series); 'date': a one-off date. */
export const pollPurposes = ['slot', 'date'] as const;
export type PollPurpose = (typeof pollPurposes)[number];

export const pollAnswers = ['yes', 'ifneedbe', 'no'] as const;
export type PollAnswer = (typeof pollAnswers)[number];

export interface OptionTally {
  optionId: string;
  yes: number;
  ifNeedBe: number;
  no: number;
  /** Members who have not answered for this option. */
  unanswered: number;
}

export function tallyPoll(
  optionIds: readonly string[],
  answers: readonly { optionId: string; personId: string; answer: PollAnswer }[],
  participantCount: number,
): OptionTally[] {
  return optionIds.map((optionId) => {
    const mine = answers.filter((a) => a.optionId === optionId);
    const yes = mine.filter((a) => a.answer === 'yes').length;
    const ifNeedBe = mine.filter((a) => a.answer === 'ifneedbe').length;
    const no = mine.filter((a) => a.answer === 'no').length;
    return { optionId, yes, ifNeedBe, no, unanswered: Math.max(0, participantCount - yes - ifNeedBe - no) };
  });
}

/**
 * The suggested option: most "yes", then fewest "no", then most "if need be", then the earliest listed.
 * None when nobody has answered yet.
 */
export function bestOption(tallies: readonly OptionTally[]): string | null {
  if (!tallies.some((t) => t.yes + t.ifNeedBe + t.no > 0)) return null;
  const ranked = tallies
    .map((t, index) => ({ t, index }))
    .sort((a, b) => b.t.yes - a.t.yes || a.t.no - b.t.no || b.t.ifNeedBe - a.t.ifNeedBe || a.index - b.index);
  return ranked[0]?.t.optionId ?? null;
}
