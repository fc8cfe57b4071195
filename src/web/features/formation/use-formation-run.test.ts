import { describe, expect, it } from 'vitest';
import type { FormationRun, SetReport } from './types.ts';
import { movedLocally } from './use-formation-run.ts';

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
