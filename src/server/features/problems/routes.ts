import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/problems.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { createProblem, getProblem, listProblems, reframeProblem, updateProblem } from './service.ts';

export const problemRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listProblems, ({ request, params }) =>
    listProblems(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.createProblem, ({ request, params, body }) =>
    createProblem(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getProblem, ({ request, params }) =>
    getProblem(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateProblem, ({ request, params, body }) =>
    updateProblem(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.reframeProblem, ({ request, params, body }) =>
    reframeProblem(ctx, signedIn(request), params.id, body.statement),
  );
};
