import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { id, idParams, name } from '../../http/schemas.ts';
import { getRun, listRuns, lockSet, movePerson, publishRun, rerun, startRun } from './service.ts';

const seed = z.number().int().min(0).max(2_147_483_647);
const setIndex = z.coerce.number().int().min(0).max(500);

export const formationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/programmes/:id/formation-runs',
    {
      schema: {
        tags: ['formation'],
        summary: 'Propose sets from the accepted participants (the programme must be forming sets)',
        params: idParams,
        body: z.strictObject({
          seed: seed.default(1),
          numberOfSets: z.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startRun(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/programmes/:id/formation-runs',
    {
      schema: {
        tags: ['formation'],
        summary: "The programme's formation runs, newest first",
        params: idParams,
      },
    },
    async (request) => listRuns(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/formation-runs/:id',
    {
      schema: {
        tags: ['formation'],
        summary: 'A formation run: its sets with scores, explanations and warnings',
        params: idParams,
      },
    },
    async (request) => getRun(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/formation-runs/:id/moves',
    {
      schema: {
        tags: ['formation'],
        summary:
          'Move a person to another set (0-based; the number of sets opens a new one; null unplaces them)',
        params: idParams,
        body: z.strictObject({ personId: id, toSet: z.number().int().min(0).max(500).nullable() }),
      },
    },
    async (request) => movePerson(ctx, signedIn(request), request.params.id, request.body),
  );

  app.patch(
    '/api/formation-runs/:id/sets/:index',
    {
      schema: {
        tags: ['formation'],
        summary: 'Lock a proposed set (kept as it is on re-runs and moves) or unlock it',
        params: z.strictObject({ id, index: setIndex }),
        body: z.strictObject({ locked: z.boolean() }),
      },
    },
    async (request) =>
      lockSet(ctx, signedIn(request), request.params.id, request.params.index, request.body.locked),
  );

  app.post(
    '/api/formation-runs/:id/rerun',
    {
      schema: {
        tags: ['formation'],
        summary: 'Form the unlocked sets again (locked sets stay; a new seed gives a different proposal)',
        params: idParams,
        body: z.strictObject({ seed: seed.optional() }),
      },
    },
    async (request) => rerun(ctx, signedIn(request), request.params.id, request.body.seed),
  );

  app.post(
    '/api/formation-runs/:id/publish',
    {
      schema: {
        tags: ['formation'],
        summary: 'Publish: create the sets and memberships, start the programme, email every member',
        params: idParams,
        body: z.strictObject({
          setNames: z.array(name).max(500).default([]),
          acceptHardViolations: z.boolean().default(false),
        }),
      },
    },
    async (request) => publishRun(ctx, signedIn(request), request.params.id, request.body),
  );
};
