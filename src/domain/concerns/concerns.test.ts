import { describe, expect, it } from 'vitest';
import {
  consentDeadline,
  consentState,
  minimumPresent,
  objectionPeriodDays,
  roomVerdict,
  sharedOnWithdrawal,
} from './consent.ts';
import { stem } from './stem.ts';
import { suggestThemes } from './suggest.ts';
import { allocationSentence, checkAllocation, minVotersForCounts, visibleCounts } from './votes.ts';
import { contentWords } from './words.ts';

describe('the objection period', () => {
  const proposedAt = '2027-03-01T09:30:00.000Z';
  const consentBy = consentDeadline(proposedAt, objectionPeriodDays.default);
  const at = (iso: string) => new Date(iso);

  it('ends exactly three days (72 hours) after the words were proposed, by default', () => {
    expect(consentBy).toBe('2027-03-04T09:30:00.000Z');
  });

  it('keeps 24-hour days across a daylight-saving change', () => {
    // Europe's clocks go forward on 2027-03-28: the period is still 72 hours, not three calendar days.
    expect(consentDeadline('2027-03-27T09:00:00.000Z', 3)).toBe('2027-03-30T09:00:00.000Z');
  });

  it('is waiting a millisecond before the deadline, and due at the deadline itself', () => {
    const facts = { status: 'proposed' as const, consentBy, objections: 0 };
    expect(consentState(facts, at('2027-03-04T09:29:59.999Z'))).toBe('waiting');
    expect(consentState(facts, at('2027-03-04T09:30:00.000Z'))).toBe('due');
    expect(consentState(facts, at('2027-03-10T00:00:00.000Z'))).toBe('due');
  });

  it('is held while one objection stands, before and after the deadline', () => {
    const facts = { status: 'proposed' as const, consentBy, objections: 1 };
    expect(consentState(facts, at('2027-03-02T00:00:00.000Z'))).toBe('held');
    expect(consentState(facts, at('2027-03-04T09:30:00.000Z'))).toBe('held');
    expect(consentState(facts, at('2027-04-04T09:30:00.000Z'))).toBe('held');
  });

  it('leaves settled proposals as they are', () => {
    expect(consentState({ status: 'shared', consentBy, objections: 0 }, at(proposedAt))).toBe('shared');
    expect(consentState({ status: 'withdrawn', consentBy, objections: 0 }, at(consentBy))).toBe('withdrawn');
  });

  it('shares at once when the last objection goes after the deadline, and at the deadline when before', () => {
    expect(sharedOnWithdrawal(consentBy, at('2027-03-05T12:00:00.000Z'))).toBe('2027-03-05T12:00:00.000Z');
    expect(sharedOnWithdrawal(consentBy, at(consentBy))).toBe(consentBy);
    expect(sharedOnWithdrawal(consentBy, at('2027-03-04T09:29:59.999Z'))).toBeNull();
  });
});

describe('consent in the live room', () => {
  const base = { setSize: 4, proposerId: 'p', objections: 0 };

  it('shares at once when everyone present approves (the proposer approves their own words)', () => {
    expect(roomVerdict({ ...base, present: ['p', 'a', 'b'], approvals: ['a', 'b'] })).toEqual({
      shareNow: true,
    });
  });

  it('waits for whoever is present and has not approved', () => {
    expect(roomVerdict({ ...base, present: ['p', 'a', 'b'], approvals: ['a'] })).toEqual({
      shareNow: false,
      reason: 'waiting-for-approvals',
      waitingFor: ['b'],
    });
  });

  it('counts only who is present: an approval from someone who left does not stand in for anyone', () => {
    expect(roomVerdict({ ...base, present: ['a', 'b', 'c'], approvals: ['a', 'b', 'x'] })).toMatchObject({
      shareNow: false,
      waitingFor: ['c'],
    });
  });

  it('never shares at once while an objection stands', () => {
    expect(
      roomVerdict({ ...base, objections: 1, present: ['p', 'a', 'b'], approvals: ['a', 'b'] }),
    ).toMatchObject({ shareNow: false, reason: 'objection' });
  });

  it('needs more than half the set in the room, and at least two people', () => {
    expect(minimumPresent(1)).toBe(2);
    expect(minimumPresent(3)).toBe(2);
    expect(minimumPresent(4)).toBe(3);
    expect(minimumPresent(7)).toBe(4);
    expect(minimumPresent(8)).toBe(5);
    expect(roomVerdict({ ...base, present: ['p', 'a'], approvals: ['a'] })).toMatchObject({
      shareNow: false,
      reason: 'too-few-present',
    });
    expect(roomVerdict({ ...base, setSize: 3, present: ['p'], approvals: [] })).toMatchObject({
      shareNow: false,
      reason: 'too-few-present',
    });
  });
});

describe('words and stems', () => {
  it('stems as Porter did', () => {
    const cases: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      agreed: 'agre',
      hopping: 'hop',
      filing: 'file',
      relational: 'relat',
      generalization: 'gener',
      funding: 'fund',
      funded: 'fund',
      funds: 'fund',
      volunteers: 'volunt',
      volunteering: 'volunt',
    };
    expect(Object.fromEntries(Object.keys(cases).map((w) => [w, stem(w)]))).toEqual(cases);
  });

  it('keeps the words that say what a statement is about', () => {
    expect(contentWords("We can't keep our donors' attention for 12 months").map((w) => w.surface)).toEqual([
      'donors',
      'attention',
      'months',
    ]);
  });
});

describe('the suggested grouping', () => {
  const concerns = [
    { id: 'c1', statement: 'Short-term donor funding makes it hard to plan beyond a year.', themeTag: '' },
    {
      id: 'c2',
      statement: 'Donors change their funding priorities faster than we can adapt programmes.',
      themeTag: 'Funding',
    },
    { id: 'c3', statement: 'Volunteers burn out and leave after a few months.', themeTag: '' },
    { id: 'c4', statement: 'Keeping volunteers motivated without paying them.', themeTag: 'Volunteers' },
    { id: 'c5', statement: 'Partnerships with local government stall when officials change.', themeTag: '' },
    { id: 'c6', statement: 'Recruiting and retaining volunteers in rural areas.', themeTag: '' },
  ];

  it('groups statements that share telling words, and says which words', () => {
    const suggestion = suggestThemes(concerns);
    expect(suggestion.themes).toEqual([
      { name: 'Volunteers', concernIds: ['c3', 'c4', 'c6'], sharedWords: ['volunteers'] },
      { name: 'Funding', concernIds: ['c1', 'c2'], sharedWords: ['funding', 'donor'] },
    ]);
    expect(suggestion.alone).toEqual(['c5']);
  });

  it('names a theme by its strongest shared words when no tag is shared', () => {
    const suggestion = suggestThemes([
      { id: 'a', statement: 'Staff wellbeing suffers under constant deadlines.', themeTag: '' },
      { id: 'b', statement: 'Deadlines from head office hurt staff wellbeing.', themeTag: '' },
      { id: 'c', statement: 'Board meetings rarely discuss strategy.', themeTag: '' },
    ]);
    expect(suggestion.themes).toHaveLength(1);
    expect(suggestion.themes[0]!.concernIds).toEqual(['a', 'b']);
    expect(suggestion.themes[0]!.sharedWords).toEqual(['deadlines', 'staff', 'wellbeing']);
    expect(suggestion.themes[0]!.name).toBe('Deadlines, staff');
    expect(suggestion.alone).toEqual(['c']);
  });

  it('is deterministic: the same input gives the same grouping every time', () => {
    const first = JSON.stringify(suggestThemes(concerns));
    for (let i = 0; i < 5; i++) expect(JSON.stringify(suggestThemes(concerns))).toBe(first);
  });

  it('groups nothing when the statements share no words, and copes with none at all', () => {
    expect(
      suggestThemes([
        { id: 'x', statement: 'Funding is short.', themeTag: '' },
        { id: 'y', statement: 'Volunteers leave.', themeTag: '' },
      ]),
    ).toEqual({ themes: [], alone: ['x', 'y'] });
    expect(suggestThemes([])).toEqual({ themes: [], alone: [] });
  });

  it('groups more with a lower threshold, less with a higher one', () => {
    const loose = suggestThemes(concerns, { threshold: 0.05 });
    const strict = suggestThemes(concerns, { threshold: 0.9 });
    expect(strict.themes).toEqual([]);
    expect(loose.themes.flatMap((t) => t.concernIds).length).toBeGreaterThanOrEqual(5);
  });

  it('lets a shared tag bring together statements worded differently', () => {
    const suggestion = suggestThemes([
      { id: 'a', statement: 'Our board does not read reports.', themeTag: 'Governance' },
      { id: 'b', statement: 'Trustees rarely challenge the director.', themeTag: 'governance' },
    ]);
    expect(suggestion.themes).toEqual([
      { name: 'Governance', concernIds: ['a', 'b'], sharedWords: ['governance'] },
    ]);
  });
});

describe('votes', () => {
  const themeIds = new Set(['t1', 't2', 't3']);
  const open = { status: 'open' as const, limit: 3, themeIds };

  it('takes up to the limit, spread or stacked on one theme', () => {
    expect(
      checkAllocation(
        [
          { themeId: 't1', votes: 1 },
          { themeId: 't2', votes: 2 },
        ],
        open,
      ),
    ).toBeNull();
    expect(checkAllocation([{ themeId: 't3', votes: 3 }], open)).toBeNull();
    expect(checkAllocation([], open)).toBeNull();
    expect(checkAllocation([{ themeId: 't1', votes: 0 }], open)).toBeNull();
  });

  it('refuses one vote over the limit, with a sentence that says what to do', () => {
    const problem = checkAllocation(
      [
        { themeId: 't1', votes: 2 },
        { themeId: 't2', votes: 2 },
      ],
      open,
    );
    expect(problem).toEqual({ kind: 'over-limit', given: 4, limit: 3 });
    expect(allocationSentence(problem!)).toBe(
      'You have 3 votes in all and gave 4. Take 1 off a theme and send them again.',
    );
  });

  it('refuses votes before voting opens and after it closes', () => {
    expect(checkAllocation([{ themeId: 't1', votes: 1 }], { ...open, status: 'not-open' })).toEqual({
      kind: 'not-open',
      status: 'not-open',
    });
    const closed = checkAllocation([{ themeId: 't1', votes: 1 }], { ...open, status: 'closed' });
    expect(allocationSentence(closed!)).toMatch(/has closed/);
  });

  it('refuses unknown, repeated and negative entries', () => {
    expect(checkAllocation([{ themeId: 'gone', votes: 1 }], open)).toMatchObject({ kind: 'unknown-theme' });
    expect(
      checkAllocation(
        [
          { themeId: 't1', votes: 1 },
          { themeId: 't1', votes: 1 },
        ],
        open,
      ),
    ).toMatchObject({ kind: 'repeated-theme' });
    expect(checkAllocation([{ themeId: 't1', votes: -1 }], open)).toMatchObject({ kind: 'not-whole' });
  });

  it('shows counts only after voting closes, and only when enough people voted', () => {
    const totals = new Map([['t1', 4]]);
    expect(visibleCounts('open', 10, totals)).toEqual({ shown: false, reason: 'not-closed' });
    expect(visibleCounts('closed', minVotersForCounts - 1, totals)).toEqual({
      shown: false,
      reason: 'too-few-voters',
    });
    expect(visibleCounts('closed', minVotersForCounts, totals)).toEqual({ shown: true, totals });
  });
});
