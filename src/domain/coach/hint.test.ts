import { describe, expect, it } from 'vitest';
import { highlight, shouldHint } from './hint.ts';

describe('when the room hint speaks', () => {
  it('says nothing about an open question or one still being typed', () => {
    expect(shouldHint('What would success look like?', 'OPEN', 'questioning')).toBe(false);
    expect(shouldHint('have you', 'ADVICE_LEADING', 'questioning')).toBe(false);
    expect(shouldHint('have you tried delegating it', 'ADVICE_LEADING', 'questioning')).toBe(true);
  });

  it('lets closed questions be in the clarifying step, but not advice', () => {
    expect(shouldHint('How many people report to you?', 'CLOSED', 'clarifying')).toBe(false);
    expect(shouldHint('Is the project late?', 'CLOSED', 'questioning')).toBe(true);
    expect(shouldHint('Have you tried delegating it?', 'ADVICE_LEADING', 'clarifying')).toBe(true);
  });
});

describe('highlighting the deciding words', () => {
  it('marks the evidence in place and keeps every character', () => {
    const text = 'have you tried delegating it';
    const pieces = highlight(text, [{ text: 'have you tried', start: 0, end: 14 }]);
    expect(pieces).toEqual([
      { text: 'have you tried', marked: true },
      { text: ' delegating it', marked: false },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('copes with overlapping or out-of-range evidence', () => {
    const text = 'why did you not just ask';
    const pieces = highlight(text, [
      { text: 'why', start: 0, end: 3 },
      { text: 'why did', start: 0, end: 7 },
      { text: 'x', start: 50, end: 51 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['why', ' did']);
  });
});
