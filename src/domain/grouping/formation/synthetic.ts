import { createRng } from '../random.ts';
import type { FormationInput, Participant } from './types.ts';

const THEMES = [
  'funding',
  'volunteers',
  'advocacy',
  'digital',
  'partnerships',
  'governance',
  'wellbeing',
  'evaluation',
];
const ROLES = ['director', 'programme manager', 'coordinator', 'fundraiser', 'team lead'];
const LANGUAGES = ['en', 'fr', 'es', 'de', 'nl'];
const SLOTS = ['mon-am', 'mon-pm', 'tue-am', 'tue-pm', 'wed-am', 'wed-pm', 'thu-am', 'thu-pm', 'fri-am'];

/**
 * A reproducible programme of `count` participants using every rule: organisations of 1-4 people,
 * themes, roles, languages, time zones, availability, must-avoid pairs and about one facilitator
 * per `setSize` members. Used by the benchmark and tests.
 */
export function syntheticProgramme(count: number, setSize: number, seed = 1): FormationInput {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const some = <T>(xs: readonly T[], k: number): T[] => [
    ...new Set(Array.from({ length: k }, () => pick(xs))),
  ];
  const facilitatorCount = Math.ceil(count / (setSize + 1));
  const participants: Participant[] = [];
  let org = 0;
  let left = 0;
  for (let k = 0; k < count; k++) {
    if (left === 0) {
      org += 1;
      left = 1 + rng.int(4);
    }
    left -= 1;
    const region = rng.int(3);
    participants.push({
      id: `p${k + 1}`,
      name: `Participant ${k + 1}`,
      organisation: `Org ${org}`,
      role: pick(ROLES),
      themes: some(THEMES, 1 + rng.int(3)),
      languages: ['en', ...some(LANGUAGES, rng.int(2))].filter((x, i, a) => a.indexOf(x) === i),
      utcOffsetMinutes: [-300, 0, 60, 120, 330][region * 2 - (region > 0 ? rng.int(2) : 0)] ?? 0,
      availability: some(SLOTS, 3 + rng.int(4)),
      facilitator: k % Math.max(1, Math.round(count / facilitatorCount)) === 0,
    });
  }
  for (let k = 0; k < Math.floor(count / 20); k++) {
    const a = participants[rng.int(count)]!;
    const b = participants[rng.int(count)]!;
    if (a !== b) a.mustAvoid = [...new Set([...(a.mustAvoid ?? []), b.id])];
  }
  return { sizeBounds: { min: 6, max: 8 }, facilitated: true, participants };
}
