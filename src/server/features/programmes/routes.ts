import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultSetSize, programmeStatuses, setSizeLimits } from '../../../domain/programme.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { hostParams, id, idParams, isoDate, longText, name, shortText } from '../../http/schemas.ts';
import {
  addCoordinator,
  createProgramme,
  getProgramme,
  listProgrammes,
  removeCoordinator,
  updateProgramme,
} from './service.ts';

const size = z.number().int().min(setSizeLimits.min).max(setSizeLimits.max);
const setSize = z.strictObject({ min: size, max: size });
const fields = {
  name,
  purpose: longText,
  theme: shortText,
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  status: z.enum(programmeStatuses),
  setSize,
  meetingCadence: shortText,
  participation: longText,
};

export const programmeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/hosts/:hostId/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'The programmes you take part in or run',
        params: hostParams,
        querystring: z.strictObject({ includeArchived: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (request) =>
      listProgrammes(ctx, signedIn(request), request.params.hostId, request.query.includeArchived === 'true'),
  );

  app.post(
    '/api/hosts/:hostId/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Create a programme',
        params: hostParams,
        body: z.strictObject({
          name,
          purpose: longText.default(''),
          theme: shortText.default(''),
          startsOn: fields.startsOn.default(null),
          endsOn: fields.endsOn.default(null),
          status: fields.status.default('draft'),
          setSize: setSize.default({ ...defaultSetSize }),
          meetingCadence: shortText.default(''),
          participation: longText.default(''),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createProgramme(ctx, signedIn(request), request.params.hostId, request.body)),
  );

  app.get(
    '/api/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        summary: 'A programme, its coordinators and your abilities',
        params: idParams,
      },
    },
    async (request) => getProgramme(ctx, signedIn(request), request.params.id),
  );

  app.patch(
    '/api/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        summary:
          "Change a programme's details, set size bounds or status (draft -> recruiting -> forming -> running -> closed; running only by publishing sets); archive or restore it",
        params: idParams,
        body: z.strictObject({
          name: fields.name.optional(),
          purpose: fields.purpose.optional(),
          theme: fields.theme.optional(),
          startsOn: fields.startsOn.optional(),
          endsOn: fields.endsOn.optional(),
          status: fields.status.optional(),
          setSize: fields.setSize.optional(),
          meetingCadence: fields.meetingCadence.optional(),
          participation: fields.participation.optional(),
          archived: z.boolean().optional(),
        }),
      },
    },
    async (request) => updateProgramme(ctx, signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/api/programmes/:id/coordinators',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Make a person a coordinator of this programme',
        params: idParams,
        body: z.strictObject({ personId: id }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCoordinator(ctx, signedIn(request), request.params.id, request.body.personId)),
  );

  app.delete(
    '/api/programmes/:id/coordinators/:personId',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Stop a person coordinating this programme',
        params: z.strictObject({ id, personId: id }),
      },
    },
    async (request) => removeCoordinator(ctx, signedIn(request), request.params.id, request.params.personId),
  );
};
