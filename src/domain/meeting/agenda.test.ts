import { describe, expect, it } from 'vitest';
import {
  customiseAgenda,
  customisePresenterCycle,
  defaultAgenda,
  defaultPresenterCycle,
  validateAgenda,
  validatePresenterCycle,
} from './agenda.ts';

const keys = (agenda: { key: string }[]) => agenda.map((s) => s.key);

describe('the default agenda', () => {
  it('follows the method: opening to check-out in three hours', () => {
    const agenda = defaultAgenda();
    expect(keys(agenda)).toEqual([
      'opening',
      'check-in',
      'report-back',
      'bidding',
      'presentations',
      'process-review',
      'check-out',
    ]);
    expect(agenda.reduce((sum, s) => sum + s.minutes, 0)).toBe(180);
    expect(agenda.filter((s) => !s.optional).map((s) => s.key)).toEqual(['opening', 'presentations']);
    expect(validateAgenda(agenda)).toEqual([]);
  });

  it('gives each presenter the six steps of the cycle, within 40-60 minutes', () => {
    const cycle = defaultPresenterCycle();
    expect(keys(cycle)).toEqual([
      'presenting',
      'clarifying',
      'questioning',
      'reframing',
      'actions',
      'feedback',
    ]);
    const total = cycle.reduce((sum, s) => sum + s.minutes, 0);
    expect(total).toBeGreaterThanOrEqual(40);
    expect(total).toBeLessThanOrEqual(60);
  });

  it('hands out fresh copies, so editing one changes no other', () => {
    const one = defaultAgenda();
    one[0]!.title = 'Changed';
    expect(defaultAgenda()[0]!.title).toBe('Opening');
  });
});

describe('customising the agenda', () => {
  it('renames, retimes, reorders and drops optional stages', () => {
    const result = customiseAgenda(defaultAgenda(), [
      { kind: 'rename', key: 'check-in', title: '  How am I?  ' },
      { kind: 'duration', key: 'presentations', minutes: 150 },
      { kind: 'move', key: 'report-back', toIndex: 4 },
      { kind: 'drop', key: 'process-review' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(keys(result.value)).toEqual([
      'opening',
      'check-in',
      'bidding',
      'presentations',
      'report-back',
      'check-out',
    ]);
    expect(result.value[1]).toMatchObject({ title: 'How am I?' });
    expect(result.value[3]).toMatchObject({ minutes: 150 });
  });

  it('puts a dropped stage back where it belongs', () => {
    const dropped = customiseAgenda(defaultAgenda(), [{ kind: 'drop', key: 'bidding' }]);
    if (!dropped.ok) throw new Error(dropped.errors.join(' '));
    const restored = customiseAgenda(dropped.value, [{ kind: 'restore', key: 'bidding' }]);
    expect(restored).toEqual({ ok: true, value: defaultAgenda() });
  });

  it.each([
    [
      { kind: 'drop', key: 'presentations' },
      'The presentations cannot be dropped: they are the heart of the meeting.',
    ],
    [{ kind: 'drop', key: 'opening' }, '"Opening" cannot be dropped.'],
    [{ kind: 'duration', key: 'opening', minutes: 0 }, '"Opening" must last between 1 and 240 minutes.'],
    [{ kind: 'duration', key: 'opening', minutes: 241 }, '"Opening" must last between 1 and 240 minutes.'],
    [{ kind: 'duration', key: 'opening', minutes: 2.5 }, '"Opening" needs a whole number of minutes.'],
    [{ kind: 'rename', key: 'bidding', title: '   ' }, 'The stage "Bidding for time" needs a title.'],
    [
      { kind: 'rename', key: 'bidding', title: 'x'.repeat(81) },
      `The stage "Bidding for time"'s title must be at most 80 characters.`,
    ],
    [
      { kind: 'move', key: 'bidding', toIndex: 7 },
      '"Bidding for time" can only move to a position between 1 and 7.',
    ],
    [
      { kind: 'move', key: 'opening', toIndex: 2 },
      'The opening must come first: it is where the ground rules are shown.',
    ],
    [
      { kind: 'move', key: 'bidding', toIndex: 5 },
      'Bidding for time must come before the presentations: the bids decide who presents.',
    ],
    [{ kind: 'restore', key: 'check-in' }, '"Check-in" is already on the agenda.'],
  ] as const)('refuses %j: %s', (edit, sentence) => {
    expect(customiseAgenda(defaultAgenda(), [edit])).toEqual({ ok: false, errors: [sentence] });
  });

  it('reports every refused edit at once', () => {
    const result = customiseAgenda(defaultAgenda(), [
      { kind: 'drop', key: 'presentations' },
      { kind: 'duration', key: 'check-out', minutes: 500 },
    ]);
    expect(result.ok ? [] : result.errors).toHaveLength(2);
  });

  it('finds what is wrong with an agenda read from storage', () => {
    const broken = [
      { key: 'check-in', title: 'Check-in', minutes: 10, optional: true },
      { key: 'check-in', title: 'Check-in', minutes: 10, optional: true },
      { key: 'opening', title: 'Opening', minutes: 5, optional: true },
    ] as const;
    expect(validateAgenda(broken.map((s) => ({ ...s })))).toEqual([
      '"Check-in" appears twice on the agenda.',
      '"Opening" cannot be made optional.',
      'The presentations cannot be dropped: they are the heart of the meeting.',
      'The opening must come first: it is where the ground rules are shown.',
    ]);
  });
});

describe("customising the presenter's cycle", () => {
  it('changes titles and durations only', () => {
    const result = customisePresenterCycle(defaultPresenterCycle(), [
      { kind: 'duration', key: 'questioning', minutes: 25 },
      { kind: 'rename', key: 'actions', title: 'Next steps' },
    ]);
    expect(result.ok && result.value.find((s) => s.key === 'questioning')?.minutes).toBe(25);
    expect(result.ok && result.value.find((s) => s.key === 'actions')?.title).toBe('Next steps');
  });

  it('keeps the steps of the method in their order', () => {
    const [first, second, ...rest] = defaultPresenterCycle();
    expect(validatePresenterCycle([second!, first!, ...rest])).toEqual([
      "The presenter's cycle must have its six steps in order: Presenting, Clarifying questions, Open questioning, Reflection and reframing, Ways forward and actions, Presenter's feedback.",
    ]);
    expect(
      customisePresenterCycle(defaultPresenterCycle(), [{ kind: 'duration', key: 'feedback', minutes: 0 }]),
    ).toEqual({
      ok: false,
      errors: ['"Presenter\'s feedback" must last between 1 and 240 minutes.'],
    });
  });
});
