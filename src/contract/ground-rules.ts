/** A set's ground rules: versions the set adopts, and each member's acceptance of the current one. */
import { z } from 'zod';
import { setActions } from './enums.ts';
import { abilities, idParams, out } from './fields.ts';
import { route } from './route.ts';
import { setRole } from './sets.ts';

const version = z.number().int().min(1);
export const groundRule = z.string().trim().min(1).max(500);

export const groundRules = z.object({
  setId: out.id,
  /** null until the set adopts a version; the defaults are then a proposal nobody can accept yet. */
  version: z.number().int().nullable(),
  rules: z.array(z.string()),
  adoptedAt: out.instant.nullable(),
  adoptedBy: z.object({ personId: out.id, name: z.string() }).nullable(),
  members: z.array(
    z.object({
      personId: out.id,
      name: z.string(),
      role: setRole,
      acceptedCurrent: z.boolean(),
      acceptedAt: out.instant.nullable(),
    }),
  ),
  acceptedCount: z.number().int(),
  /** True when the viewer is in the set and has not accepted the current version. */
  needsMyAcceptance: z.boolean(),
  history: z.array(
    z.object({ version: z.number().int(), createdAt: out.instant, rules: z.array(z.string()) }),
  ),
  abilities: abilities(setActions),
});
export type GroundRules = z.infer<typeof groundRules>;

export const getGroundRules = route({
  method: 'GET',
  path: '/api/sets/:id/ground-rules',
  tags: ['ground rules'],
  summary: "The set's current ground rules, their history and who has accepted the current version",
  params: idParams,
  response: groundRules,
});

export const updateGroundRules = route({
  method: 'PUT',
  path: '/api/sets/:id/ground-rules',
  tags: ['ground rules'],
  summary: 'Adopt a new version of the ground rules; members are asked to accept it again',
  params: idParams,
  body: z.strictObject({
    rules: z.array(groundRule).min(1).max(30),
    /** The version the editor started from; a newer one in between is a conflict. */
    basedOn: version.nullable(),
  }),
  response: groundRules,
});
export type GroundRulesInput = z.output<typeof updateGroundRules.body>;

export const acceptGroundRules = route({
  method: 'POST',
  path: '/api/sets/:id/ground-rules/acceptance',
  tags: ['ground rules'],
  summary: 'Accept the current version of the ground rules (give the version you read)',
  params: idParams,
  body: z.strictObject({ version }),
  response: groundRules,
});
