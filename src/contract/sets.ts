/** Sets: a programme's small groups, their rosters (members and facilitators) and their settings. */
import { z } from 'zod';
import { setSizeWarningKinds } from '../domain/programme.ts';
import { setActions, setModes, setRoles } from './enums.ts';
import { abilities, id, idParams, name, out, shortText } from './fields.ts';
import { organisationRef } from './people.ts';
import { sizeBounds } from './programmes.ts';
import { route } from './route.ts';

export const setMode = z.enum(setModes);
export const setRole = z.enum(setRoles);

export const rosterEntry = z.object({
  personId: out.id,
  name: z.string(),
  role: setRole,
  jobRole: z.string(),
  organisation: organisationRef.nullable(),
  /** Contact details and account state: only for those who manage the set's members. */
  email: out.email.optional(),
  hasAccount: z.boolean().optional(),
});
export type RosterEntry = z.infer<typeof rosterEntry>;

/** Advice about the mix of organisations in a set (METHOD.md, "Forming sets"): never a refusal. */
export const rosterWarningKinds = ['facilitator-same-organisation', 'shared-organisation'] as const;
export const rosterWarning = z.object({
  kind: z.enum(rosterWarningKinds),
  /** For a facilitator clash, the facilitator first, then the members of the same organisation. */
  people: z.array(z.string()),
});
export type RosterWarning = z.infer<typeof rosterWarning>;

/** A set outside its programme's size bounds: a warning, null when the set is within them. */
export const sizeWarning = z
  .object({ kind: z.enum(setSizeWarningKinds), members: z.number().int(), bounds: sizeBounds })
  .nullable();

/** A set as one viewer may see it: its roster and settings, never its content (problems, actions). */
export const learningSet = z.object({
  id: out.id,
  name: z.string(),
  theme: z.string(),
  mode: setMode,
  archived: z.boolean(),
  programme: z.object({ id: out.id, name: z.string(), setSize: sizeBounds }),
  roster: z.array(rosterEntry),
  memberCount: z.number().int(),
  sizeWarning,
  /** Only for those who manage the set's members; empty for everyone else. */
  warnings: z.array(rosterWarning),
  abilities: abilities(setActions),
});
export type LearningSet = z.infer<typeof learningSet>;

const memberParams = z.strictObject({ id, personId: id });

export const listSets = route({
  method: 'GET',
  path: '/api/programmes/:id/sets',
  tags: ['sets'],
  summary: "The programme's sets that you may see, with rosters",
  params: idParams,
  response: z.array(learningSet),
});

export const createSet = route({
  method: 'POST',
  path: '/api/programmes/:id/sets',
  tags: ['sets'],
  summary: 'Create a set in a programme',
  params: idParams,
  body: z.strictObject({ name, theme: shortText.default(''), mode: setMode.default('facilitated') }),
  status: 201,
  response: learningSet,
});
export type NewSet = z.output<typeof createSet.body>;

export const getSet = route({
  method: 'GET',
  path: '/api/sets/:id',
  tags: ['sets'],
  summary: 'A set: roster, settings, size warning and your abilities',
  params: idParams,
  response: learningSet,
});

export const updateSet = route({
  method: 'PATCH',
  path: '/api/sets/:id',
  tags: ['sets'],
  summary: 'Rename a set, change its theme or mode, archive or restore it',
  params: idParams,
  body: z.strictObject({
    name: name.optional(),
    theme: shortText.optional(),
    mode: setMode.optional(),
    archived: z.boolean().optional(),
  }),
  response: learningSet,
});
export type SetPatch = z.output<typeof updateSet.body>;

export const addMember = route({
  method: 'POST',
  path: '/api/sets/:id/members',
  tags: ['sets'],
  summary: 'Add a person to a set as member or facilitator',
  params: idParams,
  body: z.strictObject({ personId: id, role: setRole.default('member') }),
  status: 201,
  response: learningSet,
});

export const changeMemberRole = route({
  method: 'PATCH',
  path: '/api/sets/:id/members/:personId',
  tags: ['sets'],
  summary: "Change someone's role in a set",
  params: memberParams,
  body: z.strictObject({ role: setRole }),
  response: learningSet,
});

export const removeMember = route({
  method: 'DELETE',
  path: '/api/sets/:id/members/:personId',
  tags: ['sets'],
  summary: 'Take someone out of a set',
  params: memberParams,
  response: learningSet,
});
