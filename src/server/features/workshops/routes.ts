import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/workshops.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import * as actions from './actions.ts';
import * as service from './service.ts';

export const workshopRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listWorkshops, ({ request, params }) =>
    service.listWorkshops(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.createWorkshop, ({ request, params, body }) =>
    service.createWorkshop(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getWorkshop, ({ request, params }) =>
    service.getWorkshop(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateWorkshop, ({ request, params, body }) =>
    service.updateWorkshop(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.cancelWorkshop, ({ request, params }) =>
    service.cancelWorkshop(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.rsvpWorkshop, ({ request, params, body }) =>
    service.rsvpWorkshop(ctx, signedIn(request), params.id, body.answer),
  );
  registerRoute(app, contract.recordWorkshopAttendance, ({ request, params, body }) =>
    service.recordAttendance(ctx, signedIn(request), params.id, body.attendance),
  );
  registerRoute(app, contract.saveWorkshopNotes, ({ request, params, body }) =>
    service.saveNotes(ctx, signedIn(request), params.id, body.notes),
  );
  registerRoute(app, contract.addWorkshopMaterial, ({ request, params, body }) =>
    service.addMaterial(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.removeWorkshopMaterial, ({ request, params }) =>
    service.removeMaterial(ctx, signedIn(request), params.id, params.materialId),
  );
  registerRoute(app, contract.workshopIcs, async ({ request, params, reply }) =>
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="workshop.ics"')
      .send(await service.workshopIcs(ctx, signedIn(request), params.id)),
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
