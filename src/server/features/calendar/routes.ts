import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { idParams } from '../../http/schemas.ts';
import { feedForToken, feedStatus, meetingIcs, regenerateFeed, revokeFeed, seriesIcs } from './service.ts';

const feedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  url: z.string().optional(),
});
const icsType = 'text/calendar; charset=utf-8';

export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Whether you have a private calendar feed (its address is only shown when created)',
        response: { 200: feedStatusSchema },
      },
    },
    async (request) => feedStatus(ctx, signedIn(request)),
  );

  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Create your private calendar feed address, or replace it (the old address stops working)',
        response: { 201: feedStatusSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await regenerateFeed(ctx, signedIn(request))),
  );

  app.delete(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Turn your private calendar feed off',
        response: { 200: feedStatusSchema },
      },
    },
    async (request) => revokeFeed(ctx, signedIn(request)),
  );

  app.get(
    '/api/calendar/feeds/:file',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'A private iCalendar feed of all your meetings (the address is the credential; it shows times and places, no set content)',
        security: [],
        params: z.strictObject({
          file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'must be a feed address ending in .ics'),
        }),
      },
    },
    async (request, reply) => {
      const body = await feedForToken(ctx, request.params.file.replace(/\.ics$/, ''));
      return reply
        .header('content-type', icsType)
        .header('cache-control', 'private, max-age=300')
        .header('x-robots-tag', 'noindex')
        .send(body);
    },
  );

  app.get(
    '/api/meetings/:id/calendar.ics',
    { schema: { tags: ['calendar'], summary: 'One meeting as an .ics file', params: idParams } },
    async (request, reply) =>
      reply
        .header('content-type', icsType)
        .header('content-disposition', 'attachment; filename="meeting.ics"')
        .send(await meetingIcs(ctx, signedIn(request), request.params.id)),
  );

  app.get(
    '/api/series/:id/calendar.ics',
    {
      schema: { tags: ['calendar'], summary: 'Every meeting of a series as an .ics file', params: idParams },
    },
    async (request, reply) =>
      reply
        .header('content-type', icsType)
        .header('content-disposition', 'attachment; filename="meetings.ics"')
        .send(await seriesIcs(ctx, signedIn(request), request.params.id)),
  );
};
