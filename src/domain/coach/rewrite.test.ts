import { describe, expect, it } from 'vitest';
import { classifyQuestion } from './classify.ts';
import { coachHintTexts, renderRewrite, suggestRewrites } from './rewrite.ts';
import { coachLabels } from './types.ts';

const rewritesOf = (text: string): string[] =>
  suggestRewrites(text, classifyQuestion(text)).map((r) => renderRewrite(r));

describe('suggestRewrites', () => {
  it('turns advice into open questions built from the member’s own words', () => {
    expect(rewritesOf('Have you tried delegating it?')).toEqual([
      'What options have you considered for this?',
      'What would delegating it make possible?',
    ]);
    expect(rewritesOf('Why don’t you just escalate it?')[1]).toBe('What would escalating it make possible?');
    expect(rewritesOf('could you not just ask your boss')[1]).toBe(
      'What would asking your boss make possible?',
    );
  });

  it('does not offer a hypothesis as an action', () => {
    expect(rewritesOf('Is it possible that you are too close to this?')).toEqual([
      'What options have you considered for this?',
      'What do you think would help most here?',
    ]);
  });

  it('turns a blaming why into what or how', () => {
    expect(rewritesOf('Why did you choose that supplier?')[0]).toBe('What led you to choose that supplier?');
    expect(rewritesOf("Why didn't you tell her?")[0]).toBe('What got in the way of telling her?');
  });

  it('keeps only the first of several questions', () => {
    expect(rewritesOf('What happened? How did you feel?')).toEqual(['What happened?']);
  });

  it('suggests nothing for an open question', () => {
    expect(rewritesOf('What options do you have?')).toEqual([]);
  });

  it('returns i18n keys with parameters, all of them in the English catalogue', () => {
    const samples = ['Have you tried X?', 'Why did you go?', 'A? B?', 'Is it done?', 'Do this.', 'Hmm?'];
    for (const text of samples) {
      for (const r of suggestRewrites(text, classifyQuestion(text))) {
        expect(r.key).toMatch(/^coach\.rewrite\./);
        expect(coachHintTexts.en[r.key]).toBeDefined();
        expect(renderRewrite(r)).not.toMatch(/\{\{/);
      }
    }
    for (const label of coachLabels) expect(coachHintTexts.en[`coach.hint.${label}`]).toBeDefined();
  });
});
