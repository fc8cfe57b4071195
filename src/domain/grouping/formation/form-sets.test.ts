import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formSets, planSets } from './form-sets.ts';
import { scoreAssignment } from './score-assignment.ts';
import { syntheticProgramme } from './synthetic.ts';
import type { FormationInput, FormationResult, Participant } from './types.ts';
import { FormationInputError, validateFormationInput } from './validate.ts';

const person = (id: string, organisation: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  organisation,
  ...extra,
});

/** Checks the rules directly on the sets, independently of the engine's own report. */
function broken(input: FormationInput, result: FormationResult) {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const out = { apart: 0, facilitatorOrg: 0, sameOrg: 0, size: 0 };
  const bounds = input.sizeBounds ?? { min: 6, max: 8 };
  for (const set of result.sets) {
    if (set.members.length < bounds.min || set.members.length > bounds.max) out.size++;
    const all = [...set.members, ...set.facilitators];
    for (const a of all) {
      for (const b of all) {
        if (a < b && (byId.get(a)!.mustAvoid?.includes(b) || byId.get(b)!.mustAvoid?.includes(a)))
          out.apart++;
      }
    }
    for (const f of set.facilitators) {
      out.facilitatorOrg += set.members.filter(
        (m) => byId.get(m)!.organisation === byId.get(f)!.organisation,
      ).length;
    }
    const orgs = set.members.map((m) => byId.get(m)!.organisation);
    out.sameOrg += orgs.length - new Set(orgs).size;
  }
  return out;
}

const programmes = fc
  .record({ count: fc.integer({ min: 6, max: 60 }), seed: fc.integer({ min: 1, max: 10_000 }) })
  .map(({ count, seed }) => ({ seed, input: syntheticProgramme(count, 7, seed) }));

describe('formSets', () => {
  it('respects bounds and hard rules, places everyone, and explains exactly the sets it returns', () => {
    fc.assert(
      fc.property(programmes, ({ seed, input }) => {
        const result = formSets(input, { seed, maxIterations: 40 });
        const placed = result.sets.flatMap((s) => [...s.members, ...s.facilitators]);
        expect(new Set(placed).size).toBe(placed.length);
        const members = input.participants.filter((p) => !p.facilitator).length;
        expect(result.sets.reduce((t, s) => t + s.members.length, 0)).toBe(members);
        const b = broken(input, result);
        if (result.plan.issues.length === 0) expect(b.size).toBe(0);
        // With three or more sets these programmes can always keep the hard rules.
        if (result.sets.length >= 3) expect([b.apart, b.facilitatorOrg]).toEqual([0, 0]);
        const reported = (rule: string): number => result.issues.filter((i) => i.rule === rule).length;
        expect(reported('must-avoid')).toBe(b.apart);
        expect(reported('facilitator-organisation')).toBe(b.facilitatorOrg);
        expect(reported('same-organisation') > 0).toBe(b.sameOrg > 0);
        const names = new Map(input.participants.map((p) => [p.id, p.name ?? p.id]));
        result.sets.forEach((set, k) => {
          expect(set.explanation).toContain(`Set ${k + 1}`);
          expect(set.explanation).toContain(`${set.members.length} member`);
          for (const id of set.members) expect(set.explanation).toContain(names.get(id)!);
        });
        const again = scoreAssignment(input, { sets: result.sets });
        expect(again.sets.map((s) => s.score)).toEqual(result.sets.map((s) => s.score));
      }),
      { numRuns: 40 },
    );
  });

  it('is reproducible for a seed', () => {
    const input = syntheticProgramme(80, 7, 3);
    expect(formSets(input, { seed: 9 })).toEqual(formSets(input, { seed: 9 }));
  });

  it('puts one facilitator in each set, never with a member of their own organisation', () => {
    const participants = [
      ...Array.from({ length: 14 }, (_, k) => person(`m${k}`, `Org ${k % 7}`)),
      person('f1', 'Org 0', { facilitator: true }),
      person('f2', 'Org 1', { facilitator: true }),
    ];
    const result = formSets({ participants, sizeBounds: { min: 6, max: 8 } }, { seed: 1 });
    expect(result.sets.map((s) => s.facilitators.length)).toEqual([1, 1]);
    for (const set of result.sets) {
      const org = set.facilitators[0] === 'f1' ? 'Org 0' : 'Org 1';
      expect(set.members.some((m) => participants.find((p) => p.id === m)!.organisation === org)).toBe(false);
    }
    expect(result.hardViolations).toBe(0);
  });

  it('prefers shared themes, roles and languages once the rules are met', () => {
    const participants = Array.from({ length: 12 }, (_, k) =>
      person(`p${k}`, `Org ${k}`, {
        themes: [k % 2 === 0 ? 'funding' : 'advocacy'],
        role: k % 2 === 0 ? 'director' : 'coordinator',
        languages: [k % 2 === 0 ? 'fr' : 'en'],
      }),
    );
    const result = formSets({ participants, sizeBounds: { min: 6, max: 6 } }, { seed: 2 });
    for (const set of result.sets) {
      const parity = new Set(set.members.map((m) => Number(m.slice(1)) % 2));
      expect(parity.size).toBe(1);
      expect(set.missed).toEqual([]);
      expect(set.met.join(' ')).toMatch(/common language: (fr|en)/);
    }
  });

  it('says which rules cannot be met and why', () => {
    const participants = [
      ...Array.from({ length: 9 }, (_, k) => person(`a${k}`, 'Big Org')),
      ...Array.from({ length: 3 }, (_, k) => person(`b${k}`, `Org ${k}`)),
      person('f1', 'Big Org', { facilitator: true }),
    ];
    const result = formSets({ participants, sizeBounds: { min: 6, max: 6 } }, { seed: 1 });
    const sameOrg = result.issues.find((i) => i.rule === 'same-organisation');
    expect(sameOrg?.message).toMatch(/Big Org has 9 members for 2 sets/);
    const facilitator = result.issues.find((i) => i.rule === 'facilitator-organisation');
    expect(facilitator?.severity).toBe('hard');
    expect(facilitator?.message).toMatch(/every set has a member from Big Org/);
    expect(result.issues.find((i) => i.rule === 'facilitator-missing')?.message).toMatch(
      /1 facilitator for 2 sets/,
    );
  });

  it('reports impossible size bounds and an unavoidable must-avoid pair', () => {
    const participants = [
      person('a', 'A', { mustAvoid: ['b'] }),
      person('b', 'B'),
      person('c', 'C'),
      person('d', 'D'),
    ];
    const result = formSets({ participants }, { seed: 1 });
    expect(result.plan.issues[0]?.message).toMatch(/4 members cannot form a set of 6-8/);
    expect(result.sets).toHaveLength(1);
    const apart = result.issues.find((i) => i.rule === 'must-avoid');
    expect(apart?.message).toMatch(/only one set/);
    expect(result.hardViolations).toBeGreaterThanOrEqual(2);
  });

  it('keeps locked sets and forms the others from everyone else', () => {
    const input = syntheticProgramme(40, 7, 5);
    const first = formSets(input, { seed: 1 });
    const kept = first.sets[0]!;
    const lockedSets = [{ members: kept.members, facilitators: kept.facilitators }];
    const second = formSets(input, { seed: 2, lockedSets });
    expect(second.sets[0]).toMatchObject({
      members: kept.members,
      facilitators: kept.facilitators,
      locked: true,
    });
    const rest = second.sets.slice(1).flatMap((s) => [...s.members, ...s.facilitators]);
    for (const id of [...kept.members, ...kept.facilitators]) expect(rest).not.toContain(id);
    expect(second.sets.slice(1).every((s) => !s.locked)).toBe(true);
  });

  it('rescores a hand-edited assignment and flags what the move broke', () => {
    const participants = [
      ...Array.from({ length: 12 }, (_, k) =>
        person(`p${k}`, `Org ${k}`, { mustAvoid: k === 0 ? ['p1'] : [] }),
      ),
    ];
    const input = { participants, sizeBounds: { min: 5, max: 7 } };
    const result = formSets(input, { seed: 1 });
    expect(result.hardViolations).toBe(0);
    const [s0, s1] = result.sets.map((s) => ({ members: [...s.members] }));
    const from = s0!.members.includes('p0') ? s1! : s0!;
    const to = from === s0 ? s1! : s0!;
    const moved = from.members.find((id) => id === 'p1')!;
    from.members.splice(from.members.indexOf(moved), 1);
    to.members.push(moved);
    const edited = scoreAssignment(input, { sets: [s0!, s1!] });
    expect(edited.issues.some((i) => i.rule === 'must-avoid' && i.participants?.includes('p1'))).toBe(true);
  });
});

describe('planSets', () => {
  it('aims for sets of about (min+max)/2 members within bounds', () => {
    expect(planSets(70, { min: 6, max: 8 }, 0)).toMatchObject({ sets: 10, min: 6, max: 8, issues: [] });
    expect(planSets(70, { min: 6, max: 8 }, 9)).toMatchObject({ sets: 9 });
    expect(planSets(13, { min: 7, max: 8 }, 0).issues[0]?.message).toMatch(
      /13 members cannot form 2 sets of 7-8; the sets will have 6-8 members/,
    );
  });
});

describe('validateFormationInput', () => {
  it.each([
    [[], /JSON object/],
    [{ participants: 3 }, /must be a list/],
    [{ participants: [{ id: 'a' }] }, /"a" needs an "organisation"/],
    [
      {
        participants: [
          { id: 'a', organisation: 'X' },
          { id: 'a', organisation: 'Y' },
        ],
      },
      /used by more than one/,
    ],
    [{ participants: [{ id: 'a', organisation: 'X', mustAvoid: ['z'] }] }, /"z", who is not in the file/],
    [{ participants: [], sizeBounds: { min: 5, max: 3 } }, /sizeBounds/],
    [{ participants: [{ id: 'a', organisation: 'X', utcOffsetMinutes: 5000 }] }, /utcOffsetMinutes/],
  ])('rejects invalid input with one clear sentence (%#)', (value, message) => {
    expect(() => validateFormationInput(value)).toThrow(FormationInputError);
    expect(() => validateFormationInput(value)).toThrow(message);
  });

  it('accepts the synthetic programme', () => {
    const input = syntheticProgramme(30, 7);
    expect(validateFormationInput(JSON.parse(JSON.stringify(input)))).toEqual(input);
  });
});
