import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/workshops.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import * as actions from './actions.ts';
import * as planning from './planning.ts';
import * as record from './record.ts';
import * as takingPart from './taking-part.ts';
import * as view from './view.ts';

export const workshopRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listWorkshops, ({ request, params }) =>
    view.listWorkshops(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.createWorkshop, ({ request, params, body }) =>
    planning.createWorkshop(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getWorkshop, ({ request, params }) =>
    view.getWorkshop(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateWorkshop, ({ request, params, body }) =>
    planning.updateWorkshop(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.cancelWorkshop, ({ request, params }) =>
    planning.cancelWorkshop(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.rsvpWorkshop, ({ request, params, body }) =>
    takingPart.rsvpWorkshop(ctx, signedIn(request), params.id, body.answer),
  );
  registerRoute(app, contract.recordWorkshopAttendance, ({ request, params, body }) =>
    takingPart.recordAttendance(ctx, signedIn(request), params.id, body.attendance),
  );
  registerRoute(app, contract.saveWorkshopNotes, ({ request, params, body }) =>
    record.saveNotes(ctx, signedIn(request), params.id, body.notes),
  );
  registerRoute(app, contract.addWorkshopMaterial, ({ request, params, body }) =>
    record.addMaterial(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.removeWorkshopMaterial, ({ request, params }) =>
    record.removeMaterial(ctx, signedIn(request), params.id, params.materialId),
  );
  registerRoute(app, contract.workshopIcs, async ({ request, params, reply }) =>
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="workshop.ics"')
      .send(await view.workshopIcs(ctx, signedIn(request), params.id)),
  );
  registerRoute(app, contract.listMyWorkshopActions, ({ request }) =>
    actions.listMyWorkshopActions(ctx, signedIn(request)),
  );
  registerRoute(app, contract.createWorkshopAction, ({ request, params, body }) =>
    actions.createWorkshopAction(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.updateWorkshopAction, ({ request, params, body }) =>
    actions.updateWorkshopAction(ctx, signedIn(request), params.id, body),
  );
};
