import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { email, hostParams, id, idParams, language, name, shortText, timeZone } from '../../http/schemas.ts';
import { createPerson, getPerson, listPeople, setHostAdmin, signPersonOut, updatePerson } from './service.ts';

const personFields = {
  name,
  email,
  organisationId: id.nullable(),
  jobRole: shortText,
  timeZone,
  language,
};

export const peopleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/hosts/:hostId/people',
    {
      schema: {
        tags: ['people'],
        summary: 'List people, optionally filtered by a search text or an organisation',
        params: hostParams,
        querystring: z.strictObject({
          search: z.string().trim().max(200).optional(),
          organisationId: id.optional(),
          includeArchived: z.enum(['true', 'false']).default('false'),
        }),
      },
    },
    async (request) =>
      listPeople(ctx, signedIn(request), request.params.hostId, {
        search: request.query.search,
        organisationId: request.query.organisationId,
        includeArchived: request.query.includeArchived === 'true',
      }),
  );

  app.post(
    '/api/hosts/:hostId/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Add a person (a participant, facilitator or coordinator); invite them separately',
        params: hostParams,
        body: z.strictObject({
          ...personFields,
          organisationId: personFields.organisationId.default(null),
          jobRole: shortText.default(''),
          timeZone: timeZone.optional(),
          language: language.optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const host = await ctx.store.plain
        .selectFrom('host')
        .select(['default_time_zone', 'default_language'])
        .where('id', '=', request.params.hostId)
        .executeTakeFirst();
      const body = request.body;
      const person = await createPerson(ctx, actor, request.params.hostId, {
        ...body,
        timeZone: body.timeZone ?? host?.default_time_zone ?? 'UTC',
        language: body.language ?? host?.default_language ?? 'en',
      });
      return reply.status(201).send(person);
    },
  );

  app.get(
    '/api/people/:id',
    {
      schema: { tags: ['people'], summary: 'One person, with only the fields you may see', params: idParams },
    },
    async (request) => getPerson(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: "Change a person's details, or archive / restore them",
        params: idParams,
        body: z.strictObject({
          name: personFields.name.optional(),
          email: personFields.email.optional(),
          organisationId: personFields.organisationId.optional(),
          jobRole: personFields.jobRole.optional(),
          timeZone: personFields.timeZone.optional(),
          language: personFields.language.optional(),
          archived: z.boolean().optional(),
        }),
      },
    },
    async (request) => updatePerson(ctx, signedIn(request), request.params.id, request.body),
  );

  app.put(
    '/api/people/:id/host-admin',
    {
      schema: {
        tags: ['people'],
        summary: 'Make a person a host admin, or (admin: false) take the role away',
        params: idParams,
        body: z.strictObject({ admin: z.boolean() }),
      },
    },
    async (request) => setHostAdmin(ctx, signedIn(request), request.params.id, request.body.admin),
  );

  app.delete(
    '/api/people/:id/sessions',
    {
      schema: {
        tags: ['people'],
        summary: 'Sign a person out everywhere: every session ends and their live meetings close at once',
        params: idParams,
      },
    },
    async (request) => signPersonOut(ctx, signedIn(request), request.params.id),
  );
};
