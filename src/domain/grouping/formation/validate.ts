import type { FormationInput, FormationOptions, Participant } from './types.ts';

export class FormationInputError extends Error {
  override name = 'FormationInputError';
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Checks an untrusted value (e.g. parsed JSON) and returns it typed, or throws one clear sentence. */
export function validateFormationInput(value: unknown): FormationInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FormationInputError(
      'The participants file must hold a JSON object with a "participants" list.',
    );
  }
  const input = value as Record<string, unknown>;
  if (!Array.isArray(input.participants)) throw new FormationInputError('"participants" must be a list.');
  const bounds = input.sizeBounds as { min?: unknown; max?: unknown } | undefined;
  if (bounds !== undefined) {
    const { min, max } = bounds ?? {};
    if (
      !Number.isInteger(min) ||
      !Number.isInteger(max) ||
      (min as number) < 1 ||
      (min as number) > (max as number)
    ) {
      throw new FormationInputError(
        '"sizeBounds" must be {"min": m, "max": M} with whole numbers 1 <= m <= M.',
      );
    }
  }
  if (input.facilitated !== undefined && typeof input.facilitated !== 'boolean') {
    throw new FormationInputError('"facilitated" must be true or false.');
  }
  if (
    input.numberOfSets !== undefined &&
    (!Number.isInteger(input.numberOfSets) || (input.numberOfSets as number) < 1)
  ) {
    throw new FormationInputError('"numberOfSets" must be a positive whole number.');
  }
  const ids = new Set<string>();
  input.participants.forEach((p: unknown, k: number) => {
    const where = `Participant ${k + 1}`;
    if (typeof p !== 'object' || p === null) throw new FormationInputError(`${where} must be an object.`);
    const q = p as Record<string, unknown>;
    if (typeof q.id !== 'string' || q.id === '')
      throw new FormationInputError(`${where} needs a non-empty "id".`);
    if (ids.has(q.id))
      throw new FormationInputError(`The id "${q.id}" is used by more than one participant.`);
    ids.add(q.id);
    if (typeof q.organisation !== 'string' || q.organisation.trim() === '') {
      throw new FormationInputError(`Participant "${q.id}" needs an "organisation".`);
    }
    for (const key of ['name', 'role'] as const) {
      if (q[key] !== undefined && typeof q[key] !== 'string')
        throw new FormationInputError(`"${key}" of "${q.id}" must be text.`);
    }
    for (const key of ['themes', 'languages', 'availability', 'mustAvoid'] as const) {
      if (q[key] !== undefined && !isStringArray(q[key])) {
        throw new FormationInputError(`"${key}" of "${q.id}" must be a list of text values.`);
      }
    }
    const tz = q.utcOffsetMinutes;
    if (tz !== undefined && (typeof tz !== 'number' || !Number.isFinite(tz) || Math.abs(tz) > 14 * 60)) {
      throw new FormationInputError(`"utcOffsetMinutes" of "${q.id}" must be a number between -840 and 840.`);
    }
    if (q.facilitator !== undefined && typeof q.facilitator !== 'boolean') {
      throw new FormationInputError(`"facilitator" of "${q.id}" must be true or false.`);
    }
  });
  for (const p of input.participants as Participant[]) {
    for (const other of p.mustAvoid ?? []) {
      if (!ids.has(other))
        throw new FormationInputError(`"${p.id}" must avoid "${other}", who is not in the file.`);
      if (other === p.id) throw new FormationInputError(`"${p.id}" cannot be asked to avoid themselves.`);
    }
  }
  return input as unknown as FormationInput;
}

/** Checks locked sets against the input: known, distinct people. */
export function validateLockedSets(input: FormationInput, options: FormationOptions): void {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const seen = new Set<string>();
  (options.lockedSets ?? []).forEach((set, k) => {
    for (const id of [...set.members, ...(set.facilitators ?? [])]) {
      if (!byId.has(id))
        throw new FormationInputError(`Locked set ${k + 1} names "${id}", who is not a participant.`);
      if (seen.has(id))
        throw new FormationInputError(`"${id}" appears in more than one place in the locked sets.`);
      seen.add(id);
    }
  });
}
