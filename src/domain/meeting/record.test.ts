import { describe, expect, it } from 'vitest';
import catalogue from '../../i18n/record.en.json' with { type: 'json' };
import { meetingRecordFor } from './record.ts';
import { toMarkdown } from './record-markdown.ts';
import { type RecordWords, recordLabels, recordOutline } from './record-outline.ts';
import { roomInQuestioning, stage } from './test-support.ts';

const entry = (key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);

/** The record catalogue's English, filled in the way i18next does ({{name}}), without i18next. */
const english: RecordWords = {
  t: (key, values = {}) => {
    const text = entry(key);
    if (typeof text !== 'string') throw new Error(`no ${key} in record.en.json`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  },
  list: (names) => new Intl.ListFormat('en', { type: 'conjunction' }).format(names),
  moment: (iso) => ({ date: iso.slice(0, 10), time: iso.slice(11, 16), zone: 'UTC' }),
};

function finishedMeeting() {
  return roomInQuestioning()
    .do(
      'cal',
      { type: 'question.add', text: 'What if they *never* leave?', askedBy: 'dee' },
      { questionId: 'q-dee' },
    )
    .later(20)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'reframing' })
    .do('ana', { type: 'problem.reframe', statement: 'How do I make staying worth it?' }, { reframeId: 'r1' })
    .do('ana', { type: 'question.mark', questionId: 'q-dee', struckHome: true })
    .do('fay', { type: 'presenter.goto', index: 0, step: 'actions' })
    .do(
      'ana',
      { type: 'action.add', text: 'Interview three volunteers', dueOn: '2025-04-01' },
      { actionId: 'x1' },
    )
    .later(10)
    .do('fay', { type: 'stage.goto', index: stage.processReview })
    .do('ben', { type: 'review.note', text: 'Good questions' }, { noteId: 'n1' })
    .do('fay', { type: 'stage.goto', index: stage.checkOut })
    .do('ana', { type: 'checkout.say', text: 'Hopeful', usefulness: 5 })
    .do('fay', { type: 'meeting.end' });
}

describe('the record a participant keeps', () => {
  const room = finishedMeeting();

  it('gives the presenter their problem, its reframe, the questions they received and their actions', () => {
    const record = meetingRecordFor(room.setup, room.state, 'ana')!;
    expect(record.mine.turn).toEqual({
      airtimeMs: 40 * 60_000,
      problem: {
        problemId: 'p-ana',
        title: 'Volunteers leave',
        statementBrought: 'Our volunteers leave within a year.',
        reframes: ['How do I make staying worth it?'],
      },
      questions: [
        { text: 'What keeps the ones who stay?', askedBy: 'Ben', step: 'questioning', struckHome: false },
        { text: 'What if they *never* leave?', askedBy: 'Dee', step: 'questioning', struckHome: true },
      ],
      actions: [{ actionId: 'x1', text: 'Interview three volunteers', dueOn: '2025-04-01' }],
      feedback: null,
    });
    expect(record.mine.checkOut).toEqual({ text: 'Hopeful', usefulness: 5 });
    expect(record.agendaRun.map((s) => s.title)).toEqual([
      'Opening',
      'Bidding for time',
      'Presentations',
      'Process review',
      'Check-out',
    ]);
    expect(record.attended).toEqual(['Fay', 'Ana', 'Ben', 'Cal', 'Dee']);
  });

  it('gives the others the set-level record, with counts but not the presenter’s own items', () => {
    const record = meetingRecordFor(room.setup, room.state, 'ben')!;
    expect(record.mine.turn).toBeNull();
    expect(record.presenters).toEqual([{ name: 'Ana', airtimeMs: 40 * 60_000, questions: 2, actions: 1 }]);
    expect(record.processReview).toEqual(['Good questions']);
  });

  it('gives nobody outside the set a record', () => {
    expect(meetingRecordFor(room.setup, room.state, 'coord')).toBeNull();
  });

  it('has every label the export uses in the record catalogue', () => {
    expect(recordLabels.filter((key) => typeof entry(key) !== 'string')).toEqual([]);
  });

  it('exports to Markdown that keeps members’ words as words', () => {
    const markdown = toMarkdown(recordOutline(meetingRecordFor(room.setup, room.state, 'ana')!, english));
    expect(markdown).toContain('# Set meeting record for Ana');
    expect(markdown).toContain('Present: Fay, Ana, Ben, Cal, and Dee.');
    expect(markdown).toContain('## My problem: Volunteers leave');
    expect(markdown).toContain('1. How do I make staying worth it?');
    expect(markdown).toContain('- **Struck home:** What if they \\*never\\* leave? (Dee)');
    expect(markdown).toContain('- [ ] Interview three volunteers (due 2025-04-01)');
    expect(markdown).toContain('| Ana | 40 min | 2 | 1 |');
    expect(markdown).toContain('Hopeful (usefulness 5/5)');
    expect(markdown).toContain('what is said in the set stays in the set');
  });
});
