import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/security.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import * as security from './service.ts';

export const securityRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listSsoProviders, ({ request, params }) =>
    security.listSsoProviders(ctx, signedIn(request), params.hostId),
  );
  registerRoute(app, contract.createSsoProvider, ({ request, params, body }) =>
    security.createSsoProvider(ctx, signedIn(request), params.hostId, body),
  );
  registerRoute(app, contract.updateSsoProvider, ({ request, params, body }) =>
    security.updateSsoProvider(ctx, signedIn(request), params.hostId, params.providerId, body),
  );
  registerRoute(app, contract.deleteSsoProvider, ({ request, params }) =>
    security.deleteSsoProvider(ctx, signedIn(request), params.hostId, params.providerId),
  );
  registerRoute(app, contract.signInOptions, () => security.signInOptions(ctx));
  registerRoute(app, contract.getSignInPolicy, ({ request, params }) =>
    security.getSignInPolicy(ctx, signedIn(request), params.hostId),
  );
  registerRoute(app, contract.updateSignInPolicy, ({ request, params, body }) =>
    security.updateSignInPolicy(ctx, signedIn(request), params.hostId, body),
  );
  registerRoute(app, contract.getMySecurity, ({ request }) => security.getMySecurity(ctx, signedIn(request)));
  registerRoute(app, contract.listMyDevices, ({ request }) =>
    security.listMyDevices(ctx, signedIn(request), request.sessionId),
  );
  registerRoute(app, contract.signOutDevice, ({ request, params }) =>
    security.signOutDevice(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.signOutOtherDevices, ({ request }) =>
    security.signOutOtherDevices(ctx, signedIn(request), request.sessionId),
  );
};
