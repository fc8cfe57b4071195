import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/coach.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import * as coach from './service.ts';

export const coachRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getSetCoach, ({ request, params }) =>
    coach.getSetCoach(ctx, signedIn(request), params.setId),
  );
  registerRoute(app, contract.updateSetCoach, ({ request, params, body }) =>
    coach.updateSetCoach(ctx, signedIn(request), params.setId, body.enabled),
  );
  registerRoute(app, contract.getMyCoach, ({ request }) => coach.getMyCoach(ctx, signedIn(request)));
  registerRoute(app, contract.updateMyCoach, ({ request, body }) =>
    coach.updateMyCoach(ctx, signedIn(request), body.enabled),
  );
  registerRoute(app, contract.getQuestionShares, ({ request, params }) =>
    coach.setQuestionShares(ctx, signedIn(request), params.setId),
  );
  registerRoute(app, contract.getMyQuestionShares, ({ request, params }) =>
    coach.myQuestionShares(ctx, signedIn(request), params.setId),
  );
};
