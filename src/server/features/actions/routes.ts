import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { id, idParams, isoDate, longText } from '../../http/schemas.ts';
import { createAction, getAction, listMyActions, listSetActions, updateAction } from './service.ts';

const status = z.enum(['open', 'done', 'partly', 'not-done', 'dropped']);
const text = z.string().trim().min(1).max(2000);

export const actionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/sets/:id/actions',
    {
      schema: {
        tags: ['actions'],
        summary: "The actions the set's members committed to (set only)",
        params: idParams,
        querystring: z.strictObject({ status: status.optional() }),
      },
    },
    async (request) => listSetActions(ctx, signedIn(request), request.params.id, request.query.status),
  );

  app.get(
    '/api/me/actions',
    { schema: { tags: ['actions'], summary: 'Your actions in every set and programme, newest first' } },
    async (request) => listMyActions(ctx, signedIn(request)),
  );

  app.post(
    '/api/sets/:id/actions',
    {
      schema: {
        tags: ['actions'],
        summary: 'Commit to an action outside a meeting (actions are usually agreed in the meeting itself)',
        params: idParams,
        body: z.strictObject({
          text,
          dueOn: isoDate.nullable().default(null),
          problemId: id.nullable().default(null),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAction(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/actions/:id',
    { schema: { tags: ['actions'], summary: 'One action', params: idParams } },
    async (request) => getAction(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/actions/:id',
    {
      schema: {
        tags: ['actions'],
        summary:
          'Change your action, or record how it went (done / partly / not done / dropped) and what you learned',
        params: idParams,
        body: z.strictObject({
          text: text.optional(),
          dueOn: isoDate.nullable().optional(),
          status: status.optional(),
          outcomeNote: longText.optional(),
        }),
      },
    },
    async (request) => updateAction(ctx, signedIn(request), request.params.id, request.body),
  );
};
