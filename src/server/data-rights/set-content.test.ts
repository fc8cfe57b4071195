import { describe, expect, it } from 'vitest';
import { redactCommand } from './set-content.ts';

describe("redacting a person's words from the live room's log", () => {
  it('blanks the words and keeps ids, steps, outcomes and numbers, so the log still replays', () => {
    const commands = [
      { type: 'question.add', text: 'Why now?', askedBy: 'p2' },
      { type: 'report.outcome', actionId: 'a1', outcome: 'partly', learned: 'It took longer' },
      { type: 'bid.place', minutes: 10, urgency: 'high', reason: 'My boss left', problemId: 'x' },
      { type: 'presenter.order', personIds: ['p1', 'p2'] },
      { type: 'problem.new', title: 'Funding', statement: 'We lose our grant' },
    ];
    expect(commands.map((c) => JSON.parse(redactCommand(JSON.stringify(c))))).toEqual([
      { type: 'question.add', text: '', askedBy: 'p2' },
      { type: 'report.outcome', actionId: 'a1', outcome: 'partly', learned: '' },
      { type: 'bid.place', minutes: 10, urgency: 'high', reason: '', problemId: 'x' },
      { type: 'presenter.order', personIds: ['p1', 'p2'] },
      { type: 'problem.new', title: '', statement: '' },
    ]);
  });
});
