import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/people.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { inviteCoordinator } from './invite-coordinator.ts';
import {
  createPerson,
  getPerson,
  listPeople,
  setHostAdmin,
  setProgrammeStarter,
  signPersonOut,
  updatePerson,
} from './service.ts';

export const peopleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listPeople, ({ request, params, query }) =>
    listPeople(ctx, signedIn(request), params.hostId, {
      search: query.search,
      organisationId: query.organisationId,
      includeArchived: query.includeArchived === 'true',
    }),
  );
  registerRoute(app, contract.createPerson, ({ request, params, body }) =>
    createPerson(ctx, signedIn(request), params.hostId, body),
  );
  registerRoute(app, contract.inviteCoordinator, ({ request, params, body }) =>
    inviteCoordinator(ctx, signedIn(request), params.hostId, body),
  );
  registerRoute(app, contract.getPerson, ({ request, params }) =>
    getPerson(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updatePerson, ({ request, params, body }) =>
    updatePerson(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.setHostAdmin, ({ request, params, body }) =>
    setHostAdmin(ctx, signedIn(request), params.id, body.admin),
  );
  registerRoute(app, contract.setProgrammeStarter, ({ request, params, body }) =>
    setProgrammeStarter(ctx, signedIn(request), params.id, body.mayStart),
  );
  registerRoute(app, contract.signPersonOut, ({ request, params }) =>
    signPersonOut(ctx, signedIn(request), params.id),
  );
};
