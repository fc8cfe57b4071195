import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The reason a NUL-character issue carries, for the sentence that names it (validation-messages.ts). */
export const nulCharacterReason = 'nul-character';

/** Where, in parsed JSON, the strings holding U+0000 are (keys included), as paths. */
export function nulCharacterPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulCharacterPaths(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key.includes('\u0000') ? [[...path, key]] : nulCharacterPaths(item, [...path, key]),
  );
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
