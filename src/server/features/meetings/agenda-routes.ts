import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/meetings.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { programmeAgenda, setProgrammeAgenda, setSetAgenda } from './agenda.ts';
import { setTurns } from './record.ts';

export const agendaRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getProgrammeAgenda, ({ request, params }) =>
    programmeAgenda(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.setProgrammeAgenda, ({ request, params, body }) =>
    setProgrammeAgenda(ctx, signedIn(request), params.id, body.agenda),
  );
  registerRoute(app, contract.setSetAgenda, ({ request, params, body }) =>
    setSetAgenda(ctx, signedIn(request), params.id, body.agenda),
  );
  registerRoute(app, contract.getSetTurns, ({ request, params }) =>
    setTurns(ctx, signedIn(request), params.id),
  );
};
