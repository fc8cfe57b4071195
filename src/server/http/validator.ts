import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The reason a NUL-character issue carries, for the sentence that names it (validation-messages.ts). */
export const nulCharacterReason = 'nul-character';

interface Step {
  value: unknown;
  key: string | number | undefined;
  parent: Step | undefined;
}

const pathTo = (step: Step): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
};

/** Enough places named for a person to find them; a body full of them is not answered at length. */
const mostPathsNamed = 20;

/**
 * Where, in parsed JSON, the strings holding U+0000 are (keys included), as paths, the first twenty at
 * most. Walked without recursion and without copying paths: JSON.parse takes bodies nested far deeper
 * than a call stack.
 */
export function nulCharacterPaths(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const pending: Step[] = [{ value, key: undefined, parent: undefined }];
  for (let step = pending.pop(); step && found.length < mostPathsNamed; step = pending.pop()) {
    const item = step.value;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) found.push(pathTo(step));
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        const childStep = { value: child, key: Array.isArray(item) ? Number(key) : key, parent: step };
        if (key.includes('\u0000')) found.push(pathTo(childStep));
        else pending.push(childStep);
      }
    }
  }
  return found;
}

/** Whether parsed JSON holds objects or lists more than `levels` deep (recursing at most that far). */
export function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  return Object.values(value).some((child) => nestedDeeperThan(child, levels - 1));
}

/**
 * PostgreSQL cannot store U+0000 in text, and no person means to send it, so a request holding one
 * anywhere (body, query or path) is refused by name before its own schema runs, on every store alike,
 * rather than failing deep in a write.
 */
const refusingNulCharacters = <S extends z.ZodType>(schema: S) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      for (const path of nulCharacterPaths(value))
        ctx.addIssue({
          code: 'custom',
          path,
          message: nulCharacterReason,
          params: { reason: nulCharacterReason },
        });
    })
    .pipe(schema);

/** Fastify's validator for the contract's zod schemas, refusing NUL characters first. */
export const contractValidator: FastifySchemaCompiler<z.ZodType> = (options) =>
  validatorCompiler({ ...options, schema: refusingNulCharacters(options.schema) });
