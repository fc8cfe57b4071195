import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setModes } from '../../../domain/programme.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { id, idParams, name, shortText } from '../../http/schemas.ts';
import { getProgramme } from '../programmes/service.ts';
import {
  addMember,
  changeMemberRole,
  createSet,
  getSet,
  listSets,
  removeMember,
  updateSet,
} from './service.ts';

const role = z.enum(['member', 'facilitator']);
const memberParams = z.strictObject({ id, personId: id });

export const setRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/programmes/:id/sets',
    {
      schema: {
        tags: ['sets'],
        summary: "The programme's sets that you may see, with rosters",
        params: idParams,
      },
    },
    async (request) => {
      const actor = signedIn(request);
      await getProgramme(ctx, actor, request.params.id);
      return listSets(ctx, actor, request.params.id);
    },
  );

  app.post(
    '/api/programmes/:id/sets',
    {
      schema: {
        tags: ['sets'],
        summary: 'Create a set in a programme',
        params: idParams,
        body: z.strictObject({
          name,
          theme: shortText.default(''),
          mode: z.enum(setModes).default('facilitated'),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSet(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/sets/:id',
    {
      schema: {
        tags: ['sets'],
        summary: 'A set: roster, settings, size warning and your abilities',
        params: idParams,
      },
    },
    async (request) => getSet(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/sets/:id',
    {
      schema: {
        tags: ['sets'],
        summary: 'Rename a set, change its theme or mode, archive or restore it',
        params: idParams,
        body: z.strictObject({
          name: name.optional(),
          theme: shortText.optional(),
          mode: z.enum(setModes).optional(),
          archived: z.boolean().optional(),
        }),
      },
    },
    async (request) => updateSet(ctx, signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/api/sets/:id/members',
    {
      schema: {
        tags: ['sets'],
        summary: 'Add a person to a set as member or facilitator',
        params: idParams,
        body: z.strictObject({ personId: id, role: role.default('member') }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addMember(
            ctx,
            signedIn(request),
            request.params.id,
            request.body.personId,
            request.body.role,
          ),
        ),
  );

  app.patch(
    '/api/sets/:id/members/:personId',
    {
      schema: {
        tags: ['sets'],
        summary: "Change someone's role in a set",
        params: memberParams,
        body: z.strictObject({ role }),
      },
    },
    async (request) =>
      changeMemberRole(ctx, signedIn(request), request.params.id, request.params.personId, request.body.role),
  );

  app.delete(
    '/api/sets/:id/members/:personId',
    { schema: { tags: ['sets'], summary: 'Take someone out of a set', params: memberParams } },
    async (request) => removeMember(ctx, signedIn(request), request.params.id, request.params.personId),
  );
};
