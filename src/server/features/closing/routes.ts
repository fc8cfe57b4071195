import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/closing.ts';
import type { AppContext } from '../../context.ts';
import { erasePerson, myDataArchive, previewErasure } from '../../data-rights/service.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import {
  closeProgramme,
  getRetention,
  listErasures,
  myProgrammeMarkdown,
  myProgrammePdf,
  updateRetention,
} from './service.ts';

/** Closing a programme, exports of one's own content and data, retention and erasure. */
export const closingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.closeProgramme, ({ request, params }) =>
    closeProgramme(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.downloadMyProgrammeMarkdown, async ({ request, reply, params }) => {
    const markdown = await myProgrammeMarkdown(ctx, signedIn(request), params.id);
    reply
      .type('text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="my-content-${params.id}.md"`);
    return markdown;
  });
  registerRoute(app, contract.downloadMyProgrammePdf, async ({ request, reply, params }) => {
    const pdf = await myProgrammePdf(ctx, signedIn(request), params.id);
    reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="my-content-${params.id}.pdf"`);
    return pdf;
  });
  registerRoute(app, contract.getRetention, ({ request, params }) =>
    getRetention(ctx, signedIn(request), params.hostId),
  );
  registerRoute(app, contract.updateRetention, ({ request, params, body }) =>
    updateRetention(ctx, signedIn(request), params.hostId, body.closedContentRetentionDays),
  );
  registerRoute(app, contract.listErasures, ({ request, params }) =>
    listErasures(ctx, signedIn(request), params.hostId),
  );
  registerRoute(app, contract.downloadMyData, async ({ request, reply }) => {
    const archive = await myDataArchive(ctx, signedIn(request));
    reply
      .type('application/gzip')
      .header('content-disposition', 'attachment; filename="revans-my-data.tar.gz"');
    return archive;
  });
  registerRoute(app, contract.previewErasure, ({ request, params }) =>
    previewErasure(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.erasePerson, ({ request, params, body }) =>
    erasePerson(ctx, signedIn(request), params.id, body.mode, body.confirmName),
  );
};
