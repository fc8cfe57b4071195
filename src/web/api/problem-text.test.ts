import { describe, expect, it } from 'vitest';
import { createWebI18n, loadLanguage } from '../i18n.ts';
import { ProblemError } from './client.ts';
import { problemText } from './problem-text.ts';

const offline = new ProblemError({ status: 0, code: 'network', detail: 'Failed to fetch' });

describe('problemText', () => {
  it("says the network failed in the reader's language, never the browser's English", async () => {
    expect(problemText(createWebI18n('en').t, offline)).toBe(
      'Revans could not be reached. Check your connection and try again.',
    );
    const french = createWebI18n();
    await loadLanguage('fr', french);
    expect(problemText(french.t, offline)).toBe(
      'Impossible de joindre Revans. Vérifiez votre connexion et réessayez.',
    );
  });

  it("gives the server's own sentence for a problem it answered", () => {
    const conflict = new ProblemError({
      status: 409,
      code: 'conflict',
      detail: 'That poll is already closed.',
    });
    expect(problemText(createWebI18n('en').t, conflict)).toBe('That poll is already closed.');
  });

  it('says something unexpected went wrong for an error that is not a problem, without its internals', () => {
    const text = problemText(
      createWebI18n('en').t,
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    );
    expect(text).toBe('Something unexpected went wrong. Please try again.');
  });
});
