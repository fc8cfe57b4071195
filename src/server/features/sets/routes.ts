import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/sets.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import {
  addMember,
  changeMemberRole,
  createSet,
  getSet,
  listSets,
  removeMember,
  updateSet,
} from './service.ts';

export const setRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listSets, ({ request, params }) => listSets(ctx, signedIn(request), params.id));
  registerRoute(app, contract.createSet, ({ request, params, body }) =>
    createSet(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getSet, ({ request, params }) => getSet(ctx, signedIn(request), params.id), {
    viewerCache: ctx.viewerCache,
  });
  registerRoute(app, contract.updateSet, ({ request, params, body }) =>
    updateSet(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.addMember, ({ request, params, body }) =>
    addMember(ctx, signedIn(request), params.id, body.personId, body.role),
  );
  registerRoute(app, contract.changeMemberRole, ({ request, params, body }) =>
    changeMemberRole(ctx, signedIn(request), params.id, params.personId, body.role),
  );
  registerRoute(app, contract.removeMember, ({ request, params }) =>
    removeMember(ctx, signedIn(request), params.id, params.personId),
  );
};
