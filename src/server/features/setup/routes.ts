import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/setup.ts';
import { fetchHeaders } from '../../auth/routes.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { getMe } from '../me/service.ts';
import { installationLanguage, isSetUp, runFirstSetup } from './service.ts';

export const setupRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.setupStatus, async ({ request }) => {
    const needed = !(await isSetUp(ctx));
    const person = request.actor.kind === 'person' ? request.actor : null;
    return {
      needed,
      signedIn: person !== null,
      defaultLanguage: await installationLanguage(ctx),
      me: person && !needed ? await getMe(ctx, person) : null,
    };
  });
  registerRoute(app, contract.runSetup, async ({ request, reply, body }) => {
    const result = await runFirstSetup(ctx, body, fetchHeaders(request));
    reply.header('set-cookie', result.cookies);
    return { hostId: result.hostId, personId: result.personId };
  });
};
