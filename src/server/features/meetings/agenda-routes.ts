import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultAgenda, stageKinds, validateAgenda } from '../../../domain/meeting/agenda.ts';
import type { AppContext } from '../../context.ts';
import { authorize, signedIn } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import { idParams } from '../../http/schemas.ts';
import { programmeResource, setResource } from '../resources.ts';
import { setTurns } from './record.ts';

const agendaBody = z.strictObject({
  agenda: z
    .array(
      z.strictObject({
        key: z.enum(stageKinds),
        title: z.string().trim().min(1).max(80),
        minutes: z.number().int().min(1).max(240),
        optional: z.boolean(),
      }),
    )
    .min(1)
    .max(20)
    .nullable(),
});

function checked(agenda: z.infer<typeof agendaBody>['agenda']) {
  if (!agenda) return null;
  const errors = validateAgenda(agenda);
  if (errors.length)
    throw new Problem(
      'validation-failed',
      errors.join(' '),
      errors.map((message) => ({ field: 'body.agenda', message })),
    );
  return JSON.stringify(agenda);
}

export const agendaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/programmes/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: "The programme's meeting agenda (METHOD.md's default unless changed)",
        params: idParams,
      },
    },
    async (request) => {
      authorize(
        signedIn(request),
        'programme.read',
        await programmeResource(ctx.store.plain, request.params.id),
      );
      const row = await ctx.store.plain
        .selectFrom('programme')
        .select('agenda_json')
        .where('id', '=', request.params.id)
        .executeTakeFirstOrThrow();
      return {
        agenda: row.agenda_json ? JSON.parse(row.agenda_json) : defaultAgenda(),
        custom: row.agenda_json !== null,
      };
    },
  );

  app.put(
    '/api/programmes/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Set the agenda new meetings in this programme start from (null restores the default)',
        params: idParams,
        body: agendaBody,
      },
    },
    async (request) => {
      authorize(
        signedIn(request),
        'programme.update',
        await programmeResource(ctx.store.plain, request.params.id),
      );
      const json = checked(request.body.agenda);
      await ctx.store.plain
        .updateTable('programme')
        .set({ agenda_json: json })
        .where('id', '=', request.params.id)
        .execute();
      return { agenda: json ? JSON.parse(json) : defaultAgenda(), custom: json !== null };
    },
  );

  app.put(
    '/api/sets/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary:
          "Set this set's own agenda (rename, reorder, retime or drop optional stages); null follows the programme",
        params: idParams,
        body: agendaBody,
      },
    },
    async (request) => {
      const set = await setResource(ctx.store.plain, request.params.id);
      authorize(signedIn(request), 'meeting.schedule', set);
      const json = checked(request.body.agenda);
      await ctx.store.plain
        .updateTable('learning_set')
        .set({ agenda_json: json })
        .where('id', '=', request.params.id)
        .execute();
      return { agenda: json ? JSON.parse(json) : null, custom: json !== null };
    },
  );

  app.get(
    '/api/sets/:id/turns',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Fair turns: who presented when, airtime, and who might present next',
        params: idParams,
      },
    },
    async (request) => setTurns(ctx, signedIn(request), request.params.id),
  );
};
