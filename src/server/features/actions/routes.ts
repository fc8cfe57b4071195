import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/actions.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { createAction, getAction, listMyActions, listSetActions, updateAction } from './service.ts';

export const actionRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listSetActions, ({ request, params, query }) =>
    listSetActions(ctx, signedIn(request), params.id, query.status),
  );
  registerRoute(app, contract.listMyActions, ({ request }) => listMyActions(ctx, signedIn(request)));
  registerRoute(app, contract.createAction, ({ request, params, body }) =>
    createAction(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getAction, ({ request, params }) =>
    getAction(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateAction, ({ request, params, body }) =>
    updateAction(ctx, signedIn(request), params.id, body),
  );
};
