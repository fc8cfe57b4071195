import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fetchHeaders } from '../../auth/routes.ts';
import type { AppContext } from '../../context.ts';
import { email, language, name, password, timeZone } from '../../http/schemas.ts';
import { isSetUp, runFirstSetup } from './service.ts';

const setupBody = z.strictObject({
  hostName: name,
  adminName: name,
  email,
  password,
  timeZone,
  language: language.default('en'),
});

export const setupRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Whether this installation still needs its first-run setup',
        security: [],
      },
    },
    async () => ({ needed: !(await isSetUp(ctx)) }),
  );

  app.post(
    '/api/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'First run: create the host and its first admin, then sign the admin in',
        security: [],
        body: setupBody,
      },
    },
    async (request, reply) => {
      const result = await runFirstSetup(ctx, request.body, fetchHeaders(request));
      reply.header('set-cookie', result.cookies);
      return reply.status(201).send({ hostId: result.hostId, personId: result.personId });
    },
  );
};
