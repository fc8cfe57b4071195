import { describe, expect, it } from 'vitest';
import { distributionOption, trendOption } from './charts.ts';
import { aggregateChoice, aggregateScale, effectiveK, rate, releaseTexts } from './k-rule.ts';
import { monthlyTrend, pulseOpen, summarisePulses } from './pulse.ts';
import {
  answerProblems,
  editOutcome,
  questionnaireProblems,
  questionResults,
  reviewReminderDue,
  reviewState,
  reviewTemplate,
} from './questionnaire.ts';

describe('the K rule', () => {
  it('is 5 by default and never below 3', () => {
    expect(effectiveK(undefined)).toBe(5);
    expect(effectiveK(null)).toBe(5);
    expect(effectiveK(2)).toBe(3);
    expect(effectiveK(0)).toBe(3);
    expect(effectiveK(7)).toBe(7);
  });

  it('shows nothing but the count at K-1 answers, and the figures at K', () => {
    expect(aggregateScale([5, 4, 4, 2], 5)).toEqual({ shown: false, count: 4, needed: 5 });
    expect(aggregateScale([5, 4, 4, 2, 1], 5)).toEqual({
      shown: true,
      count: 5,
      mean: 3.2,
      distribution: [1, 1, 0, 2, 1],
    });
  });

  it('hides the figures again after a withdrawal takes the count below K', () => {
    const answers = [3, 3, 4, 5, 5];
    expect(aggregateScale(answers, 5).shown).toBe(true);
    const afterWithdrawal = answers.slice(1);
    expect(aggregateScale(afterWithdrawal, 5)).toEqual({ shown: false, count: 4, needed: 5 });
  });

  it('uses the floor of 3 even when a host asks for less', () => {
    expect(aggregateScale([1, 2], 1).shown).toBe(false);
    expect(aggregateScale([1, 2, 3], 1).shown).toBe(true);
  });

  it('counts choices per option under the same rule', () => {
    expect(aggregateChoice([0, 1, 1], 3, 3)).toEqual({ shown: true, count: 3, counts: [1, 2, 0] });
    expect(aggregateChoice([0, 1], 3, 3)).toEqual({ shown: false, count: 2, needed: 3 });
  });

  it('releases texts only at K answers, without blanks, shuffled', () => {
    expect(releaseTexts(['a', 'b'], 4, 5, Math.random)).toBeNull();
    const texts = releaseTexts(['first', ' ', 'second', 'third'], 5, 5, () => 0);
    expect(texts).not.toBeNull();
    expect([...texts!].sort()).toEqual(['first', 'second', 'third']);
    expect(texts).not.toEqual(['first', 'second', 'third']);
  });

  it('gives rates only where there is a whole', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 0)).toBeNull();
  });
});

describe('pulses', () => {
  const pulse = (useful: number, safe: number, at = '2027-03-02T10:00:00.000Z') => ({ useful, safe, at });

  it('summarises usefulness and safety separately', () => {
    const s = summarisePulses([pulse(5, 4), pulse(4, 4), pulse(3, 5), pulse(4, 2), pulse(5, 5)], 5);
    expect(s.useful).toMatchObject({ shown: true, mean: 4.2, distribution: [0, 0, 1, 2, 2] });
    expect(s.safe).toMatchObject({ shown: true, mean: 4, distribution: [0, 1, 0, 2, 2] });
  });

  it('trends per month, each month on its own K', () => {
    const march = [1, 2, 3, 4, 5].map((n) => pulse(n, 5, `2027-03-0${n}T10:00:00.000Z`));
    const april = [pulse(4, 4, '2027-04-05T10:00:00.000Z')];
    const trend = monthlyTrend([...april, ...march], 5);
    expect(trend.map((p) => p.key)).toEqual(['2027-03', '2027-04']);
    expect(trend[0]!.summary.useful).toMatchObject({ shown: true, mean: 3 });
    expect(trend[1]!.summary.useful).toEqual({ shown: false, count: 1, needed: 5 });
  });

  it('opens once a meeting is over, never for a cancelled one', () => {
    const now = new Date('2027-03-02T12:00:00Z');
    expect(pulseOpen({ status: 'ended', endsAt: '2027-03-09T12:00:00Z' }, now)).toBe(true);
    expect(pulseOpen({ status: 'scheduled', endsAt: '2027-03-02T11:00:00Z' }, now)).toBe(true);
    expect(pulseOpen({ status: 'scheduled', endsAt: '2027-03-02T13:00:00Z' }, now)).toBe(false);
    expect(pulseOpen({ status: 'cancelled', endsAt: '2027-03-01T13:00:00Z' }, now)).toBe(false);
  });
});

describe('the review questionnaire', () => {
  const template = reviewTemplate();

  it('covers the four levels and the founding review themes', () => {
    expect(new Set(template.map((q) => q.level))).toEqual(
      new Set(['reaction', 'learning', 'behaviour', 'results', 'seed']),
    );
    const seed = template.filter((q) => q.level === 'seed').map((q) => q.text);
    expect(seed.join(' ')).toMatch(/other organisations/);
    expect(seed.join(' ')).toMatch(/similar roles/);
    expect(seed.join(' ')).toMatch(/not your turn/);
    expect(questionnaireProblems(template)).toEqual([]);
  });

  it('says what is wrong with a questionnaire', () => {
    expect(questionnaireProblems([])).toEqual(['A review needs at least one question.']);
    expect(
      questionnaireProblems([
        { id: 'a', kind: 'choice', level: 'reaction', text: 'Pick', options: ['only'] },
        { id: 'a', kind: 'scale', level: 'reaction', text: 'Rate', options: ['x', 'y'] },
      ]),
    ).toEqual([
      'Question 1 is a choice: give it 2 to 10 options.',
      'Question 2 has the same id (a) as another one.',
      'Question 2 is not a choice, so it takes no options.',
    ]);
  });

  it('edits in place until the first answer, then makes a new version', () => {
    const changed = template.map((q, i) => (i === 0 ? { ...q, text: 'Was it worth it?' } : q));
    expect(editOutcome(template, template, true)).toBe('unchanged');
    expect(editOutcome(template, changed, false)).toBe('replace');
    expect(editOutcome(template, changed, true)).toBe('new-version');
  });

  it('checks answers against their version', () => {
    expect(answerProblems(template, [{ questionId: 'q1', value: 4 }])).toEqual([]);
    expect(answerProblems(template, [{ questionId: 'q1', value: 6 }])[0]).toMatch(/1 to 5/);
    expect(answerProblems(template, [{ questionId: 'q6', value: 4 }])[0]).toMatch(/one of its options/);
    expect(answerProblems(template, [{ questionId: 'q1', value: 3, quotable: true }])[0]).toMatch(
      /Only words/,
    );
    expect(answerProblems(template, [{ questionId: 'nope', value: 3 }])[0]).toMatch(/no question nope/);
  });

  it('aggregates each question over K responses; texts only as counts', () => {
    const responses = [4, 5, 5, 3, 4].map((v, i) => [
      { questionId: 'q1', value: v },
      { questionId: 'q2', value: `words ${i}`, quotable: i % 2 === 0 },
    ]);
    const results = questionResults(template.slice(0, 2), responses, 5);
    expect(results[0]).toMatchObject({ kind: 'scale', aggregate: { shown: true, mean: 4.2 } });
    expect(results[1]).toMatchObject({ kind: 'text', answered: 5, quotable: 3 });
    const few = questionResults(template.slice(0, 1), responses.slice(0, 4), 5);
    expect(few[0]).toMatchObject({ aggregate: { shown: false, count: 4 } });
  });

  it('opens and closes by its dates', () => {
    const w = { opensAt: '2027-06-01T00:00:00Z', closesAt: '2027-06-15T00:00:00Z' };
    expect(reviewState({ opensAt: null, closesAt: null }, new Date('2027-06-02'))).toBe('draft');
    expect(reviewState(w, new Date('2027-05-31T00:00:00Z'))).toBe('scheduled');
    expect(reviewState(w, new Date('2027-06-02T00:00:00Z'))).toBe('open');
    expect(reviewState(w, new Date('2027-06-15T00:00:00Z'))).toBe('closed');
  });
});

describe('chart options', () => {
  it('describe themselves for screen readers and leave gaps below K', () => {
    const bars = distributionOption({ title: 'Q1', summary: '5 answers, mean 4.2' }, ['1', '2'], [0, 5]);
    expect(bars.aria.label.description).toBe('5 answers, mean 4.2');
    const trend = trendOption(
      { title: 'Pulse', summary: 's' },
      ['2027-03', '2027-04'],
      [{ name: 'useful', values: [4.1, null] }],
    );
    expect(trend.series[0]!.data).toEqual([4.1, null]);
  });
});

describe('automatic review reminders', () => {
  const review = { opensAt: '2027-06-01T00:00:00Z', closesAt: '2027-06-15T00:00:00Z', remindedAt: null };
  it('are due once when the review opens, and once more in its last three days', () => {
    expect(reviewReminderDue(review, new Date('2027-05-31T00:00:00Z'))).toBe(false);
    expect(reviewReminderDue(review, new Date('2027-06-01T01:00:00Z'))).toBe(true);
    const opened = { ...review, remindedAt: '2027-06-01T01:00:00Z' };
    expect(reviewReminderDue(opened, new Date('2027-06-10T00:00:00Z'))).toBe(false);
    expect(reviewReminderDue(opened, new Date('2027-06-12T00:00:00Z'))).toBe(true);
    const last = { ...review, remindedAt: '2027-06-12T00:00:00Z' };
    expect(reviewReminderDue(last, new Date('2027-06-14T00:00:00Z'))).toBe(false);
    expect(reviewReminderDue(last, new Date('2027-06-16T00:00:00Z'))).toBe(false);
  });
  it('are not due for a draft or a review without a closing date after the first', () => {
    expect(reviewReminderDue({ opensAt: null, closesAt: null, remindedAt: null }, new Date())).toBe(false);
    const open = { opensAt: '2027-06-01T00:00:00Z', closesAt: null, remindedAt: '2027-06-01T01:00:00Z' };
    expect(reviewReminderDue(open, new Date('2027-09-01T00:00:00Z'))).toBe(false);
  });
});
