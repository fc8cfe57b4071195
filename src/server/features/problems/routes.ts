import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intakeChecks, problemKinds, problemStatuses } from '../../../domain/problems.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { idParams, longText, name } from '../../http/schemas.ts';
import { createProblem, getProblem, listProblems, reframeProblem, updateProblem } from './service.ts';

const intake = z.strictObject(
  Object.fromEntries(intakeChecks.map((c) => [c, z.boolean()])) as Record<
    (typeof intakeChecks)[number],
    z.ZodBoolean
  >,
);
const story = longText.min(1);

export const problemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/sets/:id/problems',
    {
      schema: {
        tags: ['problems'],
        summary: "The problems the set's members bring, with their history (set only)",
        params: idParams,
      },
    },
    async (request) => listProblems(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/sets/:id/problems',
    {
      schema: {
        tags: ['problems'],
        summary:
          'Bring a problem to your set, with the intake checks (real, current, open-ended, yours to act on)',
        params: idParams,
        body: z.strictObject({ title: name, story, kind: z.enum(problemKinds), intake }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProblem(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/problems/:id',
    { schema: { tags: ['problems'], summary: 'One problem and every reframe of it', params: idParams } },
    async (request) => getProblem(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/problems/:id',
    {
      schema: {
        tags: ['problems'],
        summary: 'Change your problem’s title, story, kind or status',
        params: idParams,
        body: z.strictObject({
          title: name.optional(),
          story: story.optional(),
          kind: z.enum(problemKinds).optional(),
          status: z.enum(problemStatuses).optional(),
          intake: intake.optional(),
        }),
      },
    },
    async (request) => updateProblem(ctx, signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/api/problems/:id/reframes',
    {
      schema: {
        tags: ['problems'],
        summary: 'Restate your problem as you see it now; earlier statements are kept',
        params: idParams,
        body: z.strictObject({ statement: story }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reframeProblem(ctx, signedIn(request), request.params.id, request.body.statement)),
  );
};
