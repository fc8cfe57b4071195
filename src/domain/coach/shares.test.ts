import { describe, expect, it } from 'vitest';
import { shareOf, sumFigures } from './shares.ts';

describe('share of open questions', () => {
  it('counts the open questions among those asked, with every label', () => {
    const f = shareOf([
      'What would success look like for you?',
      'Have you tried delegating it?',
      'How do you feel about the deadline?',
      'Is the project late?',
    ]);
    expect(f.asked).toBe(4);
    expect(f.open).toBe(2);
    expect(f.share).toBe(0.5);
    expect(f.labels.ADVICE_LEADING).toBe(1);
    expect(f.labels.CLOSED).toBe(1);
  });

  it('has no share when nothing was asked, and adds meetings up', () => {
    const none = shareOf([]);
    expect(none.share).toBeNull();
    const total = sumFigures([
      none,
      shareOf(['What matters most here?']),
      shareOf(['Why would you do that?']),
    ]);
    expect(total.asked).toBe(2);
    expect(total.open).toBe(1);
    expect(total.share).toBe(0.5);
  });
});
