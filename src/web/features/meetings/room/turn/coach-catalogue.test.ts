// The coach's hints and rewrites are i18n keys (issue 10): every one the classifier can produce must be
// in the web catalogue, so the room never shows a raw key, and in English it says what the domain says.
import { describe, expect, it } from 'vitest';
import { coachHintTexts, coachLabels } from '../../../../../domain/coach/index.ts';
import catalogue from '../../../../../i18n/web.en.json' with { type: 'json' };

const lookup = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);

describe('the question coach in the web catalogue', () => {
  it('has every hint and rewrite, in the same English words', () => {
    for (const [key, text] of Object.entries(coachHintTexts.en)) expect(lookup(key), key).toBe(text);
  });

  it('names every label for the figures', () => {
    for (const label of coachLabels) {
      expect(typeof lookup(`coach.hint.${label}`)).toBe('string');
      expect(typeof lookup(`coach.shares.label.${label}`)).toBe('string');
    }
  });
});
