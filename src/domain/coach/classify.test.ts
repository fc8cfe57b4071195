import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyQuestion } from './classify.ts';
import { type CoachLabel, coachLabels } from './types.ts';

const label = (text: string): CoachLabel => classifyQuestion(text).label;

describe('classifyQuestion: one label per turn, as a set adviser would give it', () => {
  it.each([
    'What options do you have?',
    'How would the other person describe this situation?',
    'Tell me more about what happened with the board.',
    'Can you give me an example?',
    "I'm curious, what made this the problem you brought today?",
    'what would success look like for you in six months',
    'What have you tried so far?',
    'Why is this so important to you right now?',
  ])('OPEN: %s', (text) => expect(label(text)).toBe('OPEN'));

  it.each([
    'Is that realistic?',
    'do you trust him',
    'How long have you been in the role?',
    'Have you worked with this client before?',
    'Is it the money or the status?',
  ])('CLOSED: %s', (text) => expect(label(text)).toBe('CLOSED'));

  it.each([
    'Have you tried delegating it?',
    'What about asking HR to mediate?',
    'Could you not just say no?',
    'Is it possible that you are too close to this?',
    "Don't you think it would be better to wait?",
    "Wouldn't it be easier to hire someone?",
    'why not run a pilot first',
    'What if you just told them the truth?',
  ])('ADVICE_LEADING: %s', (text) => expect(label(text)).toBe('ADVICE_LEADING'));

  it.each([
    'What happened? How did you feel?',
    'What did you do and how did they react?',
    "what are you afraid of, what's the worst that could happen",
    'Why did you leave? Was it the pay?',
  ])('MULTIPLE: %s', (text) => expect(label(text)).toBe('MULTIPLE'));

  it.each([
    'Why did you let it get this far?',
    'why didnt you tell anyone',
    'What were you thinking?',
    'How could you not see that coming?',
    'Isn’t that just avoiding the problem?',
    "You've been putting this off for months, what's going on?",
  ])('JUDGEMENTAL_WHY: %s', (text) => expect(label(text)).toBe('JUDGEMENTAL_WHY'));

  it.each([
    'You should talk to your director.',
    'I had exactly the same problem last year.',
    "if I were you I'd just resign",
    'What a mess.',
    '',
    '   ',
  ])('NOT_A_QUESTION: %j', (text) => expect(label(text)).toBe('NOT_A_QUESTION'));

  it('tells an open question from the same words carrying advice', () => {
    expect(label('What have you tried?')).toBe('OPEN');
    expect(label('Have you tried talking to her?')).toBe('ADVICE_LEADING');
    expect(label('What about your own part in it?')).toBe('OPEN');
    expect(label('What about talking to her?')).toBe('ADVICE_LEADING');
  });

  it('keeps one question with "and" inside it as one question', () => {
    expect(label('What are the costs and benefits of staying?')).toBe('OPEN');
    expect(label('What is your favourite part of the job and why?')).toBe('OPEN');
    expect(label('What would you do if you had more time and were the boss?')).toBe('OPEN');
  });

  it('reads curly apostrophes, missing apostrophes, text-speak and a typo in a cue word', () => {
    expect(label('Couldn’t you hand it over?')).toBe('ADVICE_LEADING');
    expect(label('wouldnt it be better to wait')).toBe('ADVICE_LEADING');
    expect(label('how do u feel about the restructure')).toBe('OPEN');
    expect(label('Waht is stopping you from raising it?')).toBe('OPEN');
    expect(label('hav you tried mentoring?')).toBe('ADVICE_LEADING');
  });
});

describe('evidence: the words that decided, with offsets into the text as typed', () => {
  it('points at the advice phrase', () => {
    const text = 'So, have you tried delegating it?';
    const r = classifyQuestion(text);
    expect(r.evidence).toHaveLength(1);
    const e = r.evidence[0]!;
    expect(e.text).toBe('have you tried');
    expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('points at each question of a multiple question', () => {
    const text = 'What happened? How did you feel?';
    const r = classifyQuestion(text);
    expect(r.evidence.map((e) => e.text)).toEqual(['What happened?', 'How did you feel?']);
  });

  it('keeps the original spelling and case in the evidence', () => {
    const text = 'WHY DIDNT you tell anyone';
    const e = classifyQuestion(text).evidence[0]!;
    expect(e.text).toBe(text.slice(e.start, e.end));
    expect(e.text.startsWith('WHY')).toBe(true);
  });

  it('returns a confidence between 0 and 1 and the rule that decided', () => {
    for (const text of ['Have you tried X?', 'What now?', 'Fine.', 'Is it?', 'Why did you?']) {
      const r = classifyQuestion(text);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.rule).not.toBe('');
      expect(coachLabels).toContain(r.label);
    }
  });
});

describe('hard cases (test/data/coach/hard-cases.tsv)', () => {
  const file = resolve(import.meta.dirname, '../../../test/data/coach/hard-cases.tsv');
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t') as [CoachLabel, string, string]);

  it('has every label', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(coachLabels));
  });

  it.each(cases)('%s: %s (%s)', (expected, text) => {
    expect(label(text)).toBe(expected);
  });
});
