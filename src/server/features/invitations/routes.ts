import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fetchHeaders } from '../../auth/routes.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { idParams, password, token } from '../../http/schemas.ts';
import { acceptInvitation, describeInvitation, invitePerson } from './service.ts';

const tokenParams = z.strictObject({ token });

export const invitationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/people/:id/invitation',
    {
      schema: {
        tags: ['people'],
        summary: 'Send (or send again) an invitation email; any earlier invitation link stops working',
        params: idParams,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitePerson(ctx, signedIn(request), request.params.id)),
  );

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Who an invitation link is for (the link itself is the credential)',
        security: [],
        params: tokenParams,
      },
    },
    async (request) => describeInvitation(ctx, request.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation by choosing a password; signs the new member in',
        security: [],
        params: tokenParams,
        body: z.strictObject({ password }),
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(
        ctx,
        request.params.token,
        request.body.password,
        fetchHeaders(request),
      );
      reply.header('set-cookie', result.cookies);
      return reply.status(201).send({ personId: result.personId });
    },
  );
};
