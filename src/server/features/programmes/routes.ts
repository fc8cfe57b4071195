import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/programmes.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import {
  addCoordinator,
  createProgramme,
  getProgramme,
  listProgrammes,
  removeCoordinator,
  updateProgramme,
} from './service.ts';

export const programmeRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listProgrammes, ({ request, params, query }) =>
    listProgrammes(ctx, signedIn(request), params.hostId, query.includeArchived === 'true'),
  );
  registerRoute(app, contract.createProgramme, ({ request, params, body }) =>
    createProgramme(ctx, signedIn(request), params.hostId, body),
  );
  registerRoute(
    app,
    contract.getProgramme,
    ({ request, params }) => getProgramme(ctx, signedIn(request), params.id),
    { viewerCache: ctx.viewerCache },
  );
  registerRoute(app, contract.updateProgramme, ({ request, params, body }) =>
    updateProgramme(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.addCoordinator, ({ request, params, body }) =>
    addCoordinator(ctx, signedIn(request), params.id, body.personId),
  );
  registerRoute(app, contract.removeCoordinator, ({ request, params }) =>
    removeCoordinator(ctx, signedIn(request), params.id, params.personId),
  );
};
