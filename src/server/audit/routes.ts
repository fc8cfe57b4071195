import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../contract/audit.ts';
import type { AppContext } from '../context.ts';
import { signedIn } from '../http/authorize.ts';
import { registerRoute } from '../http/route.ts';
import { exportAudit, getAuditSettings, listAudit, updateAuditSettings } from './service.ts';

export const auditRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listAudit, ({ request, params, query }) =>
    listAudit(ctx, signedIn(request), params.hostId, query),
  );
  registerRoute(app, contract.exportAudit, async ({ request, reply, params, query }) => {
    const csv = await exportAudit(ctx, signedIn(request), params.hostId, query);
    const day = ctx.now().toISOString().slice(0, 10);
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-trail-${day}.csv"`);
    return csv;
  });
  registerRoute(app, contract.getAuditSettings, ({ request, params }) =>
    getAuditSettings(ctx, signedIn(request), params.hostId),
  );
  registerRoute(app, contract.updateAuditSettings, ({ request, params, body }) =>
    updateAuditSettings(ctx, signedIn(request), params.hostId, body.retentionDays),
  );
};
