import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/ground-rules.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { acceptGroundRules, getGroundRules, updateGroundRules } from './service.ts';

export const groundRulesRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getGroundRules, ({ request, params }) =>
    getGroundRules(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateGroundRules, ({ request, params, body }) =>
    updateGroundRules(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.acceptGroundRules, ({ request, params, body }) =>
    acceptGroundRules(ctx, signedIn(request), params.id, body.version),
  );
};
