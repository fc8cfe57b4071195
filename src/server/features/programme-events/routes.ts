import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { idParams, name, shortText, timeZone } from '../../http/schemas.ts';
import { durationMinutes, localDateTime, videoUrl } from '../series/routes.ts';
import {
  cancelProgrammeEvent,
  changeProgrammeEvent,
  getProgrammeEvent,
  listProgrammeEvents,
  programmeEventIcs,
} from './service.ts';

const icsType = 'text/calendar; charset=utf-8';

export const programmeEventRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/programmes/:id/events',
    {
      schema: {
        tags: ['schedule'],
        summary:
          "A programme's own events (e.g. a gathering decided by a programme-wide poll), earliest first",
        params: idParams,
      },
    },
    async (request) => listProgrammeEvents(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/programme-events/:id',
    { schema: { tags: ['schedule'], summary: 'One programme event', params: idParams } },
    async (request) => getProgrammeEvent(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/programme-events/:id',
    {
      schema: {
        tags: ['schedule'],
        summary:
          'Move a programme event or change its title, place or link; everyone in the programme’s sets is told',
        params: idParams,
        body: z
          .strictObject({
            title: name.optional(),
            localStart: localDateTime.optional(),
            timeZone: timeZone.optional(),
            durationMinutes: durationMinutes.optional(),
            place: shortText.optional(),
            videoUrl: videoUrl.optional(),
          })
          .refine((b) => Object.keys(b).length > 0, { message: 'give at least one thing to change' }),
      },
    },
    async (request) => changeProgrammeEvent(ctx, signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/api/programme-events/:id',
    {
      schema: {
        tags: ['schedule'],
        summary: 'Cancel a programme event; it stays in calendars as cancelled, and everyone is told',
        params: idParams,
      },
    },
    async (request) => cancelProgrammeEvent(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/programme-events/:id/calendar.ics',
    { schema: { tags: ['calendar'], summary: 'One programme event as an .ics file', params: idParams } },
    async (request, reply) =>
      reply
        .header('content-type', icsType)
        .header('content-disposition', 'attachment; filename="event.ics"')
        .send(await programmeEventIcs(ctx, signedIn(request), request.params.id)),
  );
};
