import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/hosts.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { getHost, getMail, listMail, updateHost } from './service.ts';

export const hostRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getHost, ({ request, params }) =>
    getHost(ctx, signedIn(request), params.hostId),
  );
  registerRoute(app, contract.updateHost, ({ request, params, body }) =>
    updateHost(ctx, signedIn(request), params.hostId, body),
  );
  registerRoute(app, contract.listMail, ({ request, params, query }) =>
    listMail(ctx, signedIn(request), params.hostId, query.limit),
  );
  registerRoute(app, contract.getMail, ({ request, params }) =>
    getMail(ctx, signedIn(request), params.hostId, params.id),
  );
};
