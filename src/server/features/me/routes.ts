import type { FastifyPluginAsync } from 'fastify';
import * as homeContract from '../../../contract/home.ts';
import * as contract from '../../../contract/me.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { getHome } from './home.ts';
import { getMe } from './service.ts';

export const meRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getMe, ({ request }) => getMe(ctx, signedIn(request)), {
    viewerCache: ctx.viewerCache,
  });
  registerRoute(app, homeContract.getHome, ({ request }) => getHome(ctx, signedIn(request)));
};
