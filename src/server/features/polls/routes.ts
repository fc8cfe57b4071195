import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/polls.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { answerPoll, confirmPoll, createPoll, getPoll, listPolls } from './service.ts';

export const pollRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.createSetPoll, ({ request, params, body }) =>
    createPoll(ctx, signedIn(request), { setId: params.id }, body),
  );
  registerRoute(app, contract.createProgrammePoll, ({ request, params, body }) =>
    createPoll(ctx, signedIn(request), { programmeId: params.id }, { ...body, purpose: 'date' }),
  );
  registerRoute(app, contract.listSetPolls, ({ request, params }) =>
    listPolls(ctx, signedIn(request), { setId: params.id }),
  );
  registerRoute(app, contract.listProgrammePolls, ({ request, params }) =>
    listPolls(ctx, signedIn(request), { programmeId: params.id }),
  );
  registerRoute(app, contract.getPoll, ({ request, params }) => getPoll(ctx, signedIn(request), params.id));
  registerRoute(app, contract.answerPoll, ({ request, params, body }) =>
    answerPoll(ctx, signedIn(request), params.id, body.answers),
  );
  registerRoute(app, contract.confirmPoll, ({ request, params, body }) =>
    confirmPoll(ctx, signedIn(request), params.id, body.optionId, { force: body.force ?? false }),
  );
};
