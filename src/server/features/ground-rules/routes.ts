import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { idParams } from '../../http/schemas.ts';
import { acceptGroundRules, getGroundRules, updateGroundRules } from './service.ts';

const version = z.number().int().min(1);

export const groundRulesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/sets/:id/ground-rules',
    {
      schema: {
        tags: ['ground rules'],
        summary: "The set's current ground rules, their history and who has accepted the current version",
        params: idParams,
      },
    },
    async (request) => getGroundRules(ctx, signedIn(request), request.params.id),
  );

  app.put(
    '/api/sets/:id/ground-rules',
    {
      schema: {
        tags: ['ground rules'],
        summary: 'Adopt a new version of the ground rules; members are asked to accept it again',
        params: idParams,
        body: z.strictObject({
          rules: z.array(z.string().trim().min(1).max(500)).min(1).max(30),
          basedOn: version.nullable(),
        }),
      },
    },
    async (request) => updateGroundRules(ctx, signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/api/sets/:id/ground-rules/acceptance',
    {
      schema: {
        tags: ['ground rules'],
        summary: 'Accept the current version of the ground rules (give the version you read)',
        params: idParams,
        body: z.strictObject({ version }),
      },
    },
    async (request) => acceptGroundRules(ctx, signedIn(request), request.params.id, request.body.version),
  );
};
