// The problem sentences in the code (their English is the message id) and src/i18n/problems.en.json, the
// catalogue translators work from, say the same: run `npm run extract:problems` after changing one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueText, extractProblems, problemsCatalogue } from '../../scripts/extract-problems.ts';

describe('problem sentences', () => {
  it('src/i18n/problems.en.json holds exactly the sentences in the code', () => {
    expect(readFileSync(problemsCatalogue, 'utf8')).toBe(catalogueText(extractProblems()));
  });

  it('finds sentences of every kind: literals, placeholders, nouns and titles', () => {
    const problems = extractProblems();
    expect(problems).toHaveProperty(['There is no {{what}} here, or you cannot see it.']);
    expect(problems).toHaveProperty(['journal entry']);
    expect(problems).toHaveProperty(['Please sign in']);
    expect(problems).toHaveProperty(['{{field}} must be at most {{limit}} characters']);
    expect(Object.keys(problems).some((id) => id.includes('${'))).toBe(false);
  });
});
