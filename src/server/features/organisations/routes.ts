import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { hostParams, idParams, name } from '../../http/schemas.ts';
import { createOrganisation, listOrganisations, updateOrganisation } from './service.ts';

export const organisationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/hosts/:hostId/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: "List the host's organisations (participants' employers) with how many people each has",
        params: hostParams,
        querystring: z.strictObject({ includeArchived: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (request) =>
      listOrganisations(
        ctx,
        signedIn(request),
        request.params.hostId,
        request.query.includeArchived === 'true',
      ),
  );

  app.post(
    '/api/hosts/:hostId/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Add an organisation',
        params: hostParams,
        body: z.strictObject({ name }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createOrganisation(ctx, signedIn(request), request.params.hostId, request.body.name)),
  );

  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Rename, archive or restore an organisation',
        params: idParams,
        body: z.strictObject({ name: name.optional(), archived: z.boolean().optional() }),
      },
    },
    async (request) => updateOrganisation(ctx, signedIn(request), request.params.id, request.body),
  );
};
