/** Organisations: the participants' employers, kept per host. */
import { z } from 'zod';
import { hostParams, idParams, name } from './fields.ts';
import { route } from './route.ts';

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  archived: z.boolean(),
  /** How many people (not archived) belong to it. */
  people: z.number().int(),
});
export type Organisation = z.infer<typeof organisation>;

export const listOrganisations = route({
  method: 'GET',
  path: '/api/hosts/:hostId/organisations',
  tags: ['organisations'],
  summary: "List the host's organisations (participants' employers) with how many people each has",
  params: hostParams,
  query: z.strictObject({ includeArchived: z.enum(['true', 'false']).default('false') }),
  response: z.array(organisation),
});

export const createOrganisation = route({
  method: 'POST',
  path: '/api/hosts/:hostId/organisations',
  tags: ['organisations'],
  summary: 'Add an organisation',
  params: hostParams,
  body: z.strictObject({ name }),
  status: 201,
  response: organisation,
});

export const updateOrganisation = route({
  method: 'PATCH',
  path: '/api/organisations/:id',
  tags: ['organisations'],
  summary: 'Rename, archive or restore an organisation',
  params: idParams,
  body: z.strictObject({ name: name.optional(), archived: z.boolean().optional() }),
  response: organisation,
});
