import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/organisations.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { createOrganisation, listOrganisations, updateOrganisation } from './service.ts';

export const organisationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listOrganisations, ({ request, params, query }) =>
    listOrganisations(ctx, signedIn(request), params.hostId, query.includeArchived === 'true'),
  );
  registerRoute(app, contract.createOrganisation, ({ request, params, body }) =>
    createOrganisation(ctx, signedIn(request), params.hostId, body.name),
  );
  registerRoute(app, contract.updateOrganisation, ({ request, params, body }) =>
    updateOrganisation(ctx, signedIn(request), params.id, body),
  );
};
