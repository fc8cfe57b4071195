import { describe, expect, it } from 'vitest';
import { fairTurns, presentersOf } from './fair-turns.ts';
import { roomInQuestioning, stage } from './test-support.ts';

const members = [
  { personId: 'ana', name: 'Ana' },
  { personId: 'ben', name: 'Ben' },
  { personId: 'cal', name: 'Cal' },
  { personId: 'dee', name: 'Dee' },
];
const min = 60_000;

describe('fair turns over a programme', () => {
  it('puts those who never presented first, then the fewest, longest ago, least airtime', () => {
    const history = [
      {
        meetingId: 'm1',
        heldOn: '2025-01-10',
        presenters: [
          { personId: 'ana', airtimeMs: 50 * min },
          { personId: 'ben', airtimeMs: 40 * min },
        ],
      },
      { meetingId: 'm2', heldOn: '2025-02-07', presenters: [{ personId: 'cal', airtimeMs: 45 * min }] },
      { meetingId: 'm3', heldOn: '2025-03-07', presenters: [{ personId: 'ana', airtimeMs: 30 * min }] },
    ];
    const result = fairTurns(history, members);
    expect(result.perMember).toEqual([
      { personId: 'ana', presentations: 2, airtimeMs: 80 * min, lastPresentedOn: '2025-03-07' },
      { personId: 'ben', presentations: 1, airtimeMs: 40 * min, lastPresentedOn: '2025-01-10' },
      { personId: 'cal', presentations: 1, airtimeMs: 45 * min, lastPresentedOn: '2025-02-07' },
      { personId: 'dee', presentations: 0, airtimeMs: 0, lastPresentedOn: null },
    ]);
    expect(result.suggestedNext).toEqual(['dee', 'ben', 'cal', 'ana']);
    expect(result.explanation).toMatch(/^Dee has not presented yet in this programme\./);
  });

  it('breaks a tie on date by airtime, then by name, so the answer never wobbles', () => {
    const history = [
      {
        meetingId: 'm1',
        heldOn: '2025-01-10',
        presenters: [
          { personId: 'dee', airtimeMs: 20 * min },
          { personId: 'cal', airtimeMs: 50 * min },
          { personId: 'ben', airtimeMs: 50 * min },
        ],
      },
    ];
    const result = fairTurns(history, members);
    expect(result.suggestedNext).toEqual(['ana', 'dee', 'ben', 'cal']);
    expect(fairTurns([...history].reverse(), [...members].reverse()).suggestedNext).toEqual(
      result.suggestedNext,
    );
  });

  it('explains when everyone has had a turn, and when nobody has', () => {
    const all = [
      {
        meetingId: 'm1',
        heldOn: '2025-01-10',
        presenters: members.map((m) => ({ personId: m.personId, airtimeMs: 40 * min })),
      },
    ];
    expect(fairTurns(all, members).explanation).toMatch(
      /^Everyone has presented; Ana has presented once, last on 2025-01-10\./,
    );
    expect(fairTurns([], members).explanation).toMatch(/^Nobody has presented yet/);
    expect(fairTurns([], []).explanation).toBe('There are no members to suggest.');
  });

  it('ignores presenters who have left the set, and counts a meeting once per presenter', () => {
    const history = [
      {
        meetingId: 'm1',
        heldOn: '2025-01-10',
        presenters: [
          { personId: 'gone', airtimeMs: min },
          { personId: 'ana', airtimeMs: min },
          { personId: 'ana', airtimeMs: min },
        ],
      },
    ];
    const result = fairTurns(history, members);
    expect(result.perMember.map((m) => m.personId)).toEqual(['ana', 'ben', 'cal', 'dee']);
    expect(result.perMember[0]).toMatchObject({ presentations: 1, airtimeMs: 2 * min });
  });

  it("takes a finished meeting's presenters and airtime from its state", () => {
    const room = roomInQuestioning().later(30).do('fay', { type: 'stage.goto', index: stage.processReview });
    expect(presentersOf(room.state)).toEqual([{ personId: 'ana', airtimeMs: 40 * min }]);
  });
});
