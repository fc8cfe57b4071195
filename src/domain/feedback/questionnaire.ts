/**
 * The programme review's questionnaire: questions on a 1-5 scale, with one choice among options, or in
 * free text, each placed at one of the four levels of training evaluation (reaction, learning, behaviour
 * at work, results for the organisation) or among the founding review's own themes. Once anyone has
 * answered, the questions are frozen: changing them makes a new version and earlier answers keep theirs.
 */
import { aggregateChoice, aggregateScale, type ChoiceAggregate, type ScaleAggregate } from './k-rule.ts';

export const reviewLevels = ['reaction', 'learning', 'behaviour', 'results', 'seed'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

export const questionKinds = ['scale', 'choice', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const reviewPhases = ['mid', 'end'] as const;
export type ReviewPhase = (typeof reviewPhases)[number];

export const questionLimits = { textMax: 500, optionsMin: 2, optionsMax: 10, questionsMax: 40 } as const;

export interface Question {
  /** Stable within the review across versions when the words stay, e.g. q1. */
  id: string;
  kind: QuestionKind;
  level: ReviewLevel;
  text: string;
  /** Choice questions only. */
  options?: string[];
}

/** An answer as a participant gives it: a scale point 1-5, an option's index, or words. */
export interface Answer {
  questionId: string;
  value: number | string | null;
  /** Free text only: the author lets the coordinator quote it, without a name. */
  quotable?: boolean;
}

/**
 * The template: the four levels, then the founding review's themes ("the objectivity of colleagues
 * from other organisations", "understanding from people in similar roles", "learning when it was not my
 * turn"). The coordinator edits it before anyone answers.
 */
export function reviewTemplate(): Question[] {
  const q = (id: number, level: ReviewLevel, kind: QuestionKind, text: string, options?: string[]) => ({
    id: `q${id}`,
    level,
    kind,
    text,
    ...(options ? { options } : {}),
  });
  return [
    q(1, 'reaction', 'scale', 'Overall, how worthwhile has taking part in your set been?'),
    q(2, 'reaction', 'text', 'What made the meetings work well, or not, for you?'),
    q(3, 'learning', 'scale', 'How much have you learned about tackling problems like yours?'),
    q(4, 'learning', 'text', 'What is the most important thing you have learned?'),
    q(5, 'behaviour', 'scale', 'How much has taking part changed what you do at work?'),
    q(6, 'behaviour', 'choice', 'How often have you used a questioning approach at work since joining?', [
      'Not yet',
      'Once or twice',
      'Now and then',
      'Regularly',
    ]),
    q(7, 'results', 'scale', 'How much has your organisation benefited from what you did?'),
    q(8, 'results', 'text', 'Give an example of a difference it made for your organisation.'),
    q(9, 'seed', 'scale', 'How valuable was the objectivity of colleagues from other organisations?'),
    q(10, 'seed', 'scale', 'How valuable was the understanding of people in similar roles?'),
    q(11, 'seed', 'scale', 'How much did you learn when it was not your turn to present?'),
  ];
}

/** Problems with a questionnaire a coordinator saved, as sentences a person can act on. */
export function questionnaireProblems(questions: readonly Question[]): string[] {
  const problems: string[] = [];
  if (questions.length === 0) problems.push('A review needs at least one question.');
  if (questions.length > questionLimits.questionsMax)
    problems.push(`A review can have at most ${questionLimits.questionsMax} questions.`);
  const ids = new Set<string>();
  for (const [i, q] of questions.entries()) {
    if (ids.has(q.id)) problems.push(`Question ${i + 1} has the same id (${q.id}) as another one.`);
    ids.add(q.id);
    if (q.kind === 'choice') {
      const n = q.options?.length ?? 0;
      if (n < questionLimits.optionsMin || n > questionLimits.optionsMax)
        problems.push(
          `Question ${i + 1} is a choice: give it ${questionLimits.optionsMin} to ${questionLimits.optionsMax} options.`,
        );
    } else if (q.options?.length) problems.push(`Question ${i + 1} is not a choice, so it takes no options.`);
  }
  return problems;
}

/** Whether two questionnaires ask exactly the same (so saving one over the other is no change). */
export function sameQuestions(a: readonly Question[], b: readonly Question[]): boolean {
  return JSON.stringify(a.map(normal)) === JSON.stringify(b.map(normal));
}
const normal = (q: Question) => ({
  id: q.id,
  kind: q.kind,
  level: q.level,
  text: q.text,
  options: q.options ?? [],
});

/** What happens to an edit: saved over the draft, saved as a new version, or nothing changed. */
export function editOutcome(
  current: readonly Question[],
  next: readonly Question[],
  answered: boolean,
): 'unchanged' | 'replace' | 'new-version' {
  if (sameQuestions(current, next)) return 'unchanged';
  return answered ? 'new-version' : 'replace';
}

/**
 * Checks a participant's answers against the questions of the version they answer; returns sentences
 * for what is wrong (an unknown question, a value of the wrong kind, quotable on something not text).
 * Unanswered questions are allowed: every question is optional.
 */
export function answerProblems(questions: readonly Question[], answers: readonly Answer[]): string[] {
  const problems: string[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q) {
      problems.push(`There is no question ${a.questionId} in this review; reload it and answer again.`);
      continue;
    }
    if (seen.has(a.questionId)) problems.push(`"${q.text}" is answered twice.`);
    seen.add(a.questionId);
    if (a.value === null) continue;
    if (
      q.kind === 'scale' &&
      !(Number.isInteger(a.value) && (a.value as number) >= 1 && (a.value as number) <= 5)
    )
      problems.push(`"${q.text}" takes a whole number from 1 to 5.`);
    if (
      q.kind === 'choice' &&
      !(
        Number.isInteger(a.value) &&
        (a.value as number) >= 0 &&
        (a.value as number) < (q.options?.length ?? 0)
      )
    )
      problems.push(`"${q.text}" takes one of its options.`);
    if (q.kind === 'text') {
      if (typeof a.value !== 'string') problems.push(`"${q.text}" takes words.`);
      else if (a.value.length > questionLimits.textMax)
        problems.push(`"${q.text}" takes at most ${questionLimits.textMax} characters.`);
    }
    if (a.quotable && q.kind !== 'text')
      problems.push(`Only words can be quoted, not the answer to "${q.text}".`);
  }
  return problems;
}

export type QuestionResult =
  | { question: Question; kind: 'scale'; aggregate: ScaleAggregate }
  | { question: Question; kind: 'choice'; aggregate: ChoiceAggregate }
  | { question: Question; kind: 'text'; answered: number; quotable: number };

/** Each question's result over the responses to one version, K-ruled; free text only as counts here. */
export function questionResults(
  questions: readonly Question[],
  responses: readonly (readonly Answer[])[],
  k: number,
): QuestionResult[] {
  return questions.map((question) => {
    const given = responses
      .map((r) => r.find((a) => a.questionId === question.id))
      .filter((a): a is Answer => Boolean(a) && a!.value !== null && a!.value !== '');
    if (question.kind === 'scale')
      return {
        question,
        kind: 'scale',
        aggregate: aggregateScale(
          given.map((a) => a.value as number),
          k,
        ),
      };
    if (question.kind === 'choice')
      return {
        question,
        kind: 'choice',
        aggregate: aggregateChoice(
          given.map((a) => a.value as number),
          question.options?.length ?? 0,
          k,
        ),
      };
    return {
      question,
      kind: 'text',
      answered: given.length,
      quotable: given.filter((a) => a.quotable).length,
    };
  });
}

/** A review is open to answers between its opening and its closing (either may be unset). */
export function reviewState(
  review: { opensAt: string | null; closesAt: string | null },
  now: Date,
): 'draft' | 'scheduled' | 'open' | 'closed' {
  const t = now.getTime();
  if (!review.opensAt) return 'draft';
  if (t < new Date(review.opensAt).getTime()) return 'scheduled';
  if (review.closesAt && t >= new Date(review.closesAt).getTime()) return 'closed';
  return 'open';
}

/** Days before a review closes when those who have not answered get their last reminder. */
export const lastReminderDays = 3;

/**
 * Whether a review's automatic reminder is due: once when it opens, and once more in its last days
 * (when it has a closing date), each to those who have not answered yet.
 */
export function reviewReminderDue(
  review: { opensAt: string | null; closesAt: string | null; remindedAt: string | null },
  now: Date,
): boolean {
  if (reviewState(review, now) !== 'open') return false;
  if (!review.remindedAt) return true;
  if (!review.closesAt) return false;
  const lastCall = new Date(review.closesAt).getTime() - lastReminderDays * 86_400_000;
  return now.getTime() >= lastCall && new Date(review.remindedAt).getTime() < lastCall;
}
