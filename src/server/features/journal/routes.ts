import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { id, idParams, longText } from '../../http/schemas.ts';
import {
  createJournalEntry,
  deleteJournalEntry,
  getJournalEntry,
  journalPrompts,
  listJournal,
  updateJournalEntry,
} from './service.ts';

const answers = z
  .strictObject(
    Object.fromEntries(journalPrompts.map((p) => [p, longText.optional()])) as Record<
      (typeof journalPrompts)[number],
      z.ZodOptional<typeof longText>
    >,
  )
  .refine((a) => Object.values(a).some((v) => v && v.length > 0), {
    message: 'must answer at least one prompt',
  });
const visibility = z.enum(['private', 'set']);

export const journalRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/sets/:id/journal',
    {
      schema: {
        tags: ['journal'],
        summary: 'Your learning journal in this set, and entries others shared with it',
        params: idParams,
      },
    },
    async (request) => listJournal(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/sets/:id/journal',
    {
      schema: {
        tags: ['journal'],
        summary: 'Write a journal entry (private unless you share it with your set)',
        params: idParams,
        body: z.strictObject({
          meetingId: id.nullable().default(null),
          answers,
          visibility: visibility.default('private'),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createJournalEntry(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/journal/:id',
    {
      schema: {
        tags: ['journal'],
        summary: 'One journal entry (its author, or the set when shared)',
        params: idParams,
      },
    },
    async (request) => getJournalEntry(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/journal/:id',
    {
      schema: {
        tags: ['journal'],
        summary: 'Edit your entry, or share it with your set / make it private again',
        params: idParams,
        body: z.strictObject({ answers: answers.optional(), visibility: visibility.optional() }),
      },
    },
    async (request) => updateJournalEntry(ctx, signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/api/journal/:id',
    { schema: { tags: ['journal'], summary: 'Delete your journal entry', params: idParams } },
    async (request, reply) => {
      await deleteJournalEntry(ctx, signedIn(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
