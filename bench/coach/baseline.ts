/**
 * The benchmark's baseline: a first-word rule, the kind of check a first version of the room would make.
 * what/how/tell/describe/... -> OPEN; is/are/do/did/can/... -> CLOSED; why -> JUDGEMENTAL_WHY; else NOT_A_QUESTION.
 */
import type { CoachLabel } from '../../src/domain/coach/types.ts';

const open = new Set([
  'what',
  "what's",
  'how',
  'where',
  'when',
  'which',
  'who',
  'whom',
  'whose',
  'tell',
  'describe',
  'explain',
]);
const closed = new Set(
  `is are am was were do does did have has had can could will would shall should may might must isn't aren't
  wasn't weren't don't doesn't didn't haven't hasn't can't couldn't won't wouldn't shouldn't`.split(/\s+/),
);

export function firstWordBaseline(text: string): CoachLabel {
  const first = (/[\p{L}']+/u.exec(text.toLowerCase().replace(/’/g, "'"))?.[0] ?? '').trim();
  if (open.has(first)) return 'OPEN';
  if (closed.has(first)) return 'CLOSED';
  if (first === 'why') return 'JUDGEMENTAL_WHY';
  return 'NOT_A_QUESTION';
}
