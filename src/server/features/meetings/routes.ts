import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidLocalDateTime } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { id, idParams, longText, shortText, timeZone } from '../../http/schemas.ts';
import {
  getMeeting,
  listMeetings,
  recordAttendance,
  scheduleMeeting,
  setOwnAttendance,
  updateMeeting,
} from './service.ts';

const localDateTime = z
  .string()
  .refine(isValidLocalDateTime, { message: 'must be a date and time such as 2027-03-24T10:00' });
const videoUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);
const fields = {
  localStart: localDateTime,
  timeZone,
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(12 * 60),
  place: shortText,
  videoUrl,
};

export const meetingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/sets/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: "A set's meetings, earliest first, with attendance",
        params: idParams,
      },
    },
    async (request) => listMeetings(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/sets/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Schedule a meeting: a wall-clock start in an explicit time zone, a length, a place or video link',
        params: idParams,
        body: z.strictObject({
          ...fields,
          durationMinutes: fields.durationMinutes.default(180),
          place: fields.place.default(''),
          videoUrl: fields.videoUrl.default(''),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await scheduleMeeting(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'One meeting: time, place, agenda and attendance',
        params: idParams,
      },
    },
    async (request) => getMeeting(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Move a meeting, change its place or link, cancel or restore it',
        params: idParams,
        body: z.strictObject({
          localStart: fields.localStart.optional(),
          timeZone: fields.timeZone.optional(),
          durationMinutes: fields.durationMinutes.optional(),
          place: fields.place.optional(),
          videoUrl: fields.videoUrl.optional(),
          status: z.enum(['scheduled', 'cancelled']).optional(),
        }),
      },
    },
    async (request) => updateMeeting(ctx, signedIn(request), request.params.id, request.body),
  );

  app.put(
    '/api/meetings/:id/attendance/me',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Send apologies for a meeting (with an optional note to the set), or take them back',
        params: idParams,
        body: z.strictObject({ status: z.enum(['apologies', 'expected']), note: longText.default('') }),
      },
    },
    async (request) => setOwnAttendance(ctx, signedIn(request), request.params.id, request.body),
  );

  app.put(
    '/api/meetings/:id/attendance/:personId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Record whether someone was present, sent apologies or was absent',
        params: z.strictObject({ id, personId: id }),
        body: z.strictObject({ status: z.enum(['expected', 'present', 'apologies', 'absent']) }),
      },
    },
    async (request) =>
      recordAttendance(
        ctx,
        signedIn(request),
        request.params.id,
        request.params.personId,
        request.body.status,
      ),
  );
};
