import { describe, expect, it } from 'vitest';
import type { FormationRun, SetReport } from '../../../contract/formation.ts';
import { movedLocally, rescoredLocally } from './use-formation-run.ts';

const report = (members: string[], facilitators: string[] = []): SetReport => ({
  members,
  facilitators,
  locked: false,
  score: 10,
  breakdown: { themes: 0, role: 0, timeZone: 0, language: 10, availability: 0 },
  met: [],
  missed: [],
  explanation: '',
  issues: [],
});

const run = {
  id: 'r',
  people: ['a', 'b', 'c', 'd']
    .map((id) => ({ id, name: id, organisation: id, role: '', facilitator: false }))
    .concat({
      id: 'f',
      name: 'f',
      organisation: 'x',
      role: '',
      facilitator: true,
    }),
  sets: [report(['a', 'b'], ['f']), report(['c'])],
  unassigned: ['d'],
} as unknown as FormationRun;

const where = (r: FormationRun) => ({
  sets: r.sets.map((s) => ({ members: s.members, facilitators: s.facilitators })),
  unassigned: r.unassigned,
});

describe('a move shown before the server rescores it', () => {
  it('takes the person out of their set and into the other', () => {
    expect(where(movedLocally(run, 'a', 1))).toEqual({
      sets: [
        { members: ['b'], facilitators: ['f'] },
        { members: ['c', 'a'], facilitators: [] },
      ],
      unassigned: ['d'],
    });
  });

  it('opens a new set when moved past the last one, and places a facilitator as a facilitator', () => {
    const moved = movedLocally(run, 'f', 2);
    expect(where(moved).sets).toEqual([
      { members: ['a', 'b'], facilitators: [] },
      { members: ['c'], facilitators: [] },
      { members: [], facilitators: ['f'] },
    ]);
    expect(moved.sets[2]!.score).toBe(0);
  });

  it('places someone unplaced, and unplaces someone placed', () => {
    expect(where(movedLocally(run, 'd', 0)).sets[0]!.members).toEqual(['a', 'b', 'd']);
    expect(where(movedLocally(run, 'c', null))).toEqual({
      sets: [
        { members: ['a', 'b'], facilitators: ['f'] },
        { members: [], facilitators: [] },
      ],
      unassigned: ['d', 'c'],
    });
  });

  it('leaves the run it was given unchanged', () => {
    movedLocally(run, 'a', 1);
    expect(where(run).sets[0]!.members).toEqual(['a', 'b']);
  });
});

describe('a move rescored in the browser', () => {
  const input = {
    sizeBounds: { min: 2, max: 3 },
    participants: [
      { id: 'a', name: 'Ana', organisation: 'A', languages: ['en'], mustAvoid: ['c'] },
      { id: 'b', name: 'Bo', organisation: 'B', languages: ['en'] },
      { id: 'c', name: 'Cy', organisation: 'C', languages: ['en'] },
      { id: 'd', name: 'Di', organisation: 'D', languages: ['en', 'fr'] },
    ],
  };
  const proposed = {
    ...run,
    input,
    people: input.participants.map((p) => ({ ...p, role: '', facilitator: false })),
    sets: [report(['a', 'b']), report(['c', 'd'])],
    unassigned: [],
  } as unknown as FormationRun;

  it('scores the new arrangement and raises the rule it breaks, before any answer from the server', () => {
    const after = rescoredLocally(proposed, 'a', 1);
    expect(after.sets.map((s) => s.members)).toEqual([['b'], ['c', 'd', 'a']]);
    expect(after.hardViolations).toBeGreaterThan(0);
    expect(after.issues.map((i) => i.rule)).toContain('must-avoid');
    expect(after.sets[1]!.explanation).toContain('Ana');
  });

  it('raises the total when a move makes more pairs who share a language', () => {
    const before = rescoredLocally(proposed, 'b', 0); // Bo stays: two pairs share English
    const after = rescoredLocally(proposed, 'b', 1); // Bo joins Cy and Di: three pairs do
    expect(before.score).toBeGreaterThan(0);
    expect(after.score).toBeGreaterThan(before.score);
  });
});
