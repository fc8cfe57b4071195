import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/invitations.ts';
import { fetchHeaders } from '../../auth/routes.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { acceptInvitation, describeInvitation, invitePerson } from './service.ts';

export const invitationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.invitePerson, ({ request, params }) =>
    invitePerson(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.describeInvitation, ({ params }) => describeInvitation(ctx, params.token));
  registerRoute(app, contract.acceptInvitation, async ({ request, reply, params, body }) => {
    const result = await acceptInvitation(ctx, params.token, body.password, fetchHeaders(request));
    reply.header('set-cookie', result.cookies);
    return { personId: result.personId };
  });
};
