import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidLocalDateTime } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { idParams, isoDate, longText, shortText, timeZone } from '../../http/schemas.ts';
import { setAttendanceRule } from './attendance-rule.ts';
import { changeSeries } from './edit.ts';
import { addSeriesException, cancelSeries, createSeries, getSeries, listSeries } from './service.ts';
import { programmeCalendar, setSchedule, upcoming } from './views.ts';

export const localDateTime = z
  .string()
  .refine(isValidLocalDateTime, { message: 'must be a date and time such as 2027-03-24T10:00' });
export const videoUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);
export const durationMinutes = z
  .number()
  .int()
  .min(15)
  .max(12 * 60);
export const pattern = z.strictObject({
  frequency: z.enum(['weekly', 'monthly-weekday', 'monthly-date']),
  interval: z.number().int().min(1).max(12),
});

/** A series as a person defines it: first meeting (wall clock, explicit zone), length, recurrence, place. */
const seriesBody = z
  .strictObject({
    firstLocal: localDateTime,
    timeZone,
    durationMinutes: durationMinutes.default(180),
    pattern: pattern.optional(),
    rrule: z.string().max(200).optional(),
    untilDate: isoDate.optional(),
    place: shortText.default(''),
    videoUrl: videoUrl.default(''),
  })
  .refine((b) => Boolean(b.pattern) !== Boolean(b.rrule), {
    message: 'give either a pattern or an rrule',
    path: ['pattern'],
  });

export const seriesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/sets/:id/series',
    {
      schema: {
        tags: ['schedule'],
        summary:
          "Schedule a set's regular meetings over the programme: a first meeting (wall clock, explicit zone) and a recurrence",
        params: idParams,
        body: seriesBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSeries(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/sets/:id/series',
    { schema: { tags: ['schedule'], summary: "A set's meeting series", params: idParams } },
    async (request) => listSeries(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/series/:id',
    { schema: { tags: ['schedule'], summary: 'A series with each of its meetings', params: idParams } },
    async (request) => getSeries(ctx, signedIn(request), request.params.id),
  );

  app.put(
    '/api/series/:id',
    {
      schema: {
        tags: ['schedule'],
        summary:
          'Change a series from a meeting still to come onwards (time, zone, length, recurrence, last date, place); meetings held stay as they were, members hear of each change',
        params: idParams,
        body: seriesBody,
      },
    },
    async (request) => changeSeries(ctx, signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/api/series/:id/exceptions',
    {
      schema: {
        tags: ['schedule'],
        summary: 'Skip one meeting of a series, move one, or add one',
        params: idParams,
        body: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('skip'), occurrenceKey: localDateTime }),
          z.strictObject({ kind: z.literal('move'), occurrenceKey: localDateTime, toLocal: localDateTime }),
          z.strictObject({ kind: z.literal('add'), local: localDateTime }),
        ]),
      },
    },
    async (request) => addSeriesException(ctx, signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/api/series/:id',
    {
      schema: {
        tags: ['schedule'],
        summary: 'Cancel a series: every meeting still to come is cancelled',
        params: idParams,
      },
    },
    async (request) => cancelSeries(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/sets/:id/schedule',
    {
      schema: {
        tags: ['schedule'],
        summary: "A set's meetings with expected attendance, apologies and the set's attendance rule",
        params: idParams,
      },
    },
    async (request) => setSchedule(ctx, signedIn(request), request.params.id),
  );

  app.put(
    '/api/sets/:id/attendance-rule',
    {
      schema: {
        tags: ['schedule'],
        summary: "Set the set's ground rule on attendance, e.g. the minimum for a meeting to go ahead",
        params: idParams,
        body: z.strictObject({
          minPresent: z.number().int().min(1).max(20),
          note: longText.default(''),
        }),
      },
    },
    async (request) => setAttendanceRule(ctx, signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/api/programmes/:id/calendar',
    {
      schema: {
        tags: ['schedule'],
        summary:
          "Every set's meetings in a programme (dates, places, apologies count) and the programme's own events, for its coordinators",
        params: idParams,
      },
    },
    async (request) => programmeCalendar(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/me/upcoming',
    {
      schema: {
        tags: ['schedule'],
        summary:
          'Your next meetings and programme events, open polls and open actions, in your own time zone',
      },
    },
    async (request) => upcoming(ctx, signedIn(request)),
  );
};
