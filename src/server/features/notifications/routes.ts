import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/notifications.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { myPreferences, saveMyPreferences, unsubscribe, unsubscription } from './service.ts';

export const notificationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Mail clients send one-click unsubscribes (RFC 8058) as a form post; only these routes accept one.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) =>
    done(null, undefined),
  );

  registerRoute(app, contract.getNotificationPreferences, ({ request }) =>
    myPreferences(ctx, signedIn(request)),
  );
  registerRoute(app, contract.setNotificationPreferences, ({ request, body }) =>
    saveMyPreferences(ctx, signedIn(request), body),
  );
  registerRoute(app, contract.getUnsubscribe, ({ params }) => unsubscription(ctx, params.token));
  registerRoute(app, contract.unsubscribe, ({ params }) => unsubscribe(ctx, params.token));
};
