import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/formation.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { lockSet, movePerson } from './proposal-edits.ts';
import { publishRun } from './publish.ts';
import { getRun, listRuns, rerun, startRun } from './runs.ts';

export const formationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.startRun, ({ request, params, body }) =>
    startRun(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.listRuns, ({ request, params }) => listRuns(ctx, signedIn(request), params.id));
  registerRoute(app, contract.getRun, ({ request, params }) => getRun(ctx, signedIn(request), params.id));
  registerRoute(app, contract.movePerson, ({ request, params, body }) =>
    movePerson(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.lockSet, ({ request, params, body }) =>
    lockSet(ctx, signedIn(request), params.id, params.index, body.locked),
  );
  registerRoute(app, contract.rerun, ({ request, params, body }) =>
    rerun(ctx, signedIn(request), params.id, body.seed),
  );
  registerRoute(app, contract.publishRun, ({ request, params, body }) =>
    publishRun(ctx, signedIn(request), params.id, body),
  );
};
