import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/programme-events.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import {
  cancelProgrammeEvent,
  changeProgrammeEvent,
  createProgrammeEvent,
  getProgrammeEvent,
  listProgrammeEvents,
  programmeEventIcs,
} from './service.ts';

const icsType = 'text/calendar; charset=utf-8';

export const programmeEventRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listProgrammeEvents, ({ request, params }) =>
    listProgrammeEvents(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.getProgrammeEvent, ({ request, params }) =>
    getProgrammeEvent(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.createProgrammeEvent, ({ request, params, body }) =>
    createProgrammeEvent(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.changeProgrammeEvent, ({ request, params, body }) =>
    changeProgrammeEvent(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.cancelProgrammeEvent, ({ request, params }) =>
    cancelProgrammeEvent(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.programmeEventIcs, async ({ request, params, reply }) =>
    reply
      .header('content-type', icsType)
      .header('content-disposition', 'attachment; filename="event.ics"')
      .send(await programmeEventIcs(ctx, signedIn(request), params.id)),
  );
};
