/** People: everyone at a host (participants, facilitators, coordinators, admins), and their accounts. */
import { z } from 'zod';
import { accountStatuses, languages, personActions } from './enums.ts';
import {
  abilities,
  email,
  hostParams,
  id,
  idParams,
  language,
  name,
  out,
  shortText,
  timeZone,
} from './fields.ts';
import { route } from './route.ts';

export const accountStatus = z.enum(accountStatuses);
export type AccountStatus = z.infer<typeof accountStatus>;

/** An organisation as a person, a roster or an application names it. */
export const organisationRef = z.object({ id: out.id, name: out.text });
export type OrganisationRef = z.infer<typeof organisationRef>;

/** A person as one viewer may see them: contact details and account state only where the access map allows. */
export const person = z.object({
  id: out.id,
  name: out.text,
  organisation: organisationRef.nullable(),
  jobRole: out.text,
  timeZone: out.timeZone,
  language: z.enum(languages),
  archived: z.boolean(),
  /** Contact details and account state: only for viewers allowed to see them. */
  email: out.email.optional(),
  status: accountStatus.optional(),
  hostAdmin: z.boolean().optional(),
  /** A host admin has let them start programmes. */
  mayStartProgrammes: z.boolean().optional(),
  abilities: abilities(personActions),
});
export type Person = z.infer<typeof person>;

/** What a form sends for a person; the host's defaults fill the time zone and language left out. */
const personFields = z.strictObject({
  name,
  email,
  organisationId: id.nullable().default(null),
  jobRole: shortText.default(''),
  timeZone: timeZone.optional(),
  language: language.optional(),
});

export const listPeople = route({
  method: 'GET',
  path: '/api/hosts/:hostId/people',
  tags: ['people'],
  summary: 'List people, optionally filtered by a search text or an organisation',
  params: hostParams,
  query: z.strictObject({
    search: z.string().trim().max(200).optional(),
    organisationId: id.optional(),
    includeArchived: z.enum(['true', 'false']).default('false'),
  }),
  response: z.array(person),
});

export const createPerson = route({
  method: 'POST',
  path: '/api/hosts/:hostId/people',
  tags: ['people'],
  summary: 'Add a person (a participant, facilitator or coordinator); invite them separately',
  params: hostParams,
  body: personFields,
  status: 201,
  response: person,
});
export type NewPerson = z.output<typeof createPerson.body>;

export const getPerson = route({
  method: 'GET',
  path: '/api/people/:id',
  tags: ['people'],
  summary: 'One person, with only the fields you may see',
  params: idParams,
  response: person,
});

export const updatePerson = route({
  method: 'PATCH',
  path: '/api/people/:id',
  tags: ['people'],
  summary: "Change a person's details, or archive / restore them",
  params: idParams,
  body: z.strictObject({
    name: name.optional(),
    email: email.optional(),
    organisationId: id.nullable().optional(),
    jobRole: shortText.optional(),
    timeZone: timeZone.optional(),
    language: language.optional(),
    archived: z.boolean().optional(),
  }),
  response: person,
});
export type PersonPatch = z.output<typeof updatePerson.body>;

export const setHostAdmin = route({
  method: 'PUT',
  path: '/api/people/:id/host-admin',
  tags: ['people'],
  summary: 'Make a person a host admin, or (admin: false) take the role away',
  params: idParams,
  body: z.strictObject({ admin: z.boolean() }),
  response: person,
});

export const setProgrammeStarter = route({
  method: 'PUT',
  path: '/api/people/:id/programme-starter',
  tags: ['people'],
  summary: 'Let a person start programmes (which they then coordinate), or (mayStart: false) no longer',
  params: idParams,
  body: z.strictObject({ mayStart: z.boolean() }),
  response: person,
});

export const signPersonOut = route({
  method: 'DELETE',
  path: '/api/people/:id/sessions',
  tags: ['people'],
  summary: 'Sign a person out everywhere: every session ends and their live meetings close at once',
  params: idParams,
  response: z.object({
    /** How many sessions ended (0 for someone without an account). */
    endedSessions: z.number().int(),
  }),
});

export const inviteCoordinator = route({
  method: 'POST',
  path: '/api/hosts/:hostId/coordinator-invitations',
  tags: ['people'],
  summary:
    'Invite a coordinator in one step: the person (and a new organisation), a programme to coordinate, whether they may start programmes, and the invitation email',
  params: hostParams,
  body: z.strictObject({
    name,
    email,
    /** An existing organisation of the host, or a new one's name (not both). */
    organisationId: id.nullable().default(null),
    organisationName: shortText.default(''),
    programmeId: id.nullable().default(null),
    mayStartProgrammes: z.boolean().default(false),
  }),
  status: 201,
  response: z.object({ person, invitationId: out.id, expiresAt: out.instant }),
});
export type CoordinatorInvitation = z.output<typeof inviteCoordinator.body>;
