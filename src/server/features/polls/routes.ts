import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { id, idParams, isoDate, name, shortText, timeZone } from '../../http/schemas.ts';
import { durationMinutes, localDateTime, pattern, videoUrl } from '../series/routes.ts';
import { answerPoll, confirmPoll, createPoll, getPoll, listPolls } from './service.ts';

const pollBody = {
  title: name,
  timeZone,
  durationMinutes: durationMinutes.default(180),
  options: z.array(localDateTime).min(2).max(20),
  place: shortText.default(''),
  videoUrl: videoUrl.default(''),
};

export const pollRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/sets/:id/polls',
    {
      schema: {
        tags: ['polls'],
        summary:
          'Ask a set when it can meet: for its regular slot (confirming creates the series) or for a one-off date',
        params: idParams,
        body: z.strictObject({
          ...pollBody,
          purpose: z.enum(['slot', 'date']),
          pattern: pattern.optional(),
          untilDate: isoDate.optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createPoll(ctx, signedIn(request), { setId: request.params.id }, request.body)),
  );

  app.post(
    '/api/programmes/:id/polls',
    {
      schema: {
        tags: ['polls'],
        summary: 'Ask everyone in a programme when they can come to a programme-wide event',
        params: idParams,
        body: z.strictObject(pollBody),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createPoll(
            ctx,
            signedIn(request),
            { programmeId: request.params.id },
            { ...request.body, purpose: 'date' },
          ),
        ),
  );

  app.get(
    '/api/sets/:id/polls',
    { schema: { tags: ['polls'], summary: "A set's polls, newest first", params: idParams } },
    async (request) => listPolls(ctx, signedIn(request), { setId: request.params.id }),
  );

  app.get(
    '/api/programmes/:id/polls',
    { schema: { tags: ['polls'], summary: "A programme's programme-wide polls", params: idParams } },
    async (request) => listPolls(ctx, signedIn(request), { programmeId: request.params.id }),
  );

  app.get(
    '/api/polls/:id',
    {
      schema: {
        tags: ['polls'],
        summary:
          'A poll: its options in the poll’s zone and yours, the tallies, the suggested option, your answers',
        params: idParams,
      },
    },
    async (request) => getPoll(ctx, signedIn(request), request.params.id),
  );

  app.put(
    '/api/polls/:id/answers',
    {
      schema: {
        tags: ['polls'],
        summary: 'Answer a poll: yes, if need be or no for each option',
        params: idParams,
        body: z.strictObject({
          answers: z
            .array(z.strictObject({ optionId: id, answer: z.enum(['yes', 'ifneedbe', 'no']) }))
            .min(1)
            .max(20),
        }),
      },
    },
    async (request) => answerPoll(ctx, signedIn(request), request.params.id, request.body.answers),
  );

  app.post(
    '/api/polls/:id/confirm',
    {
      schema: {
        tags: ['polls'],
        summary: 'Confirm an option: creates the series or meeting and tells everyone asked',
        params: idParams,
        body: z.strictObject({ optionId: id }),
      },
    },
    async (request) => confirmPoll(ctx, signedIn(request), request.params.id, request.body.optionId),
  );
};
