import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/meetings.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { meetingRecord, meetingRecordPdf } from './record.ts';

/** A participant's own record of a held meeting: as JSON, and to download as Markdown or PDF. */
export const recordRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getMeetingRecord, ({ request, params }) =>
    meetingRecord(ctx, signedIn(request), params.id),
  );

  registerRoute(app, contract.downloadRecordMarkdown, async ({ request, reply, params }) => {
    const { markdown } = await meetingRecord(ctx, signedIn(request), params.id);
    reply
      .type('text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${params.id}.md"`);
    return markdown;
  });

  registerRoute(app, contract.downloadRecordPdf, async ({ request, reply, params }) => {
    const pdf = await meetingRecordPdf(ctx, signedIn(request), params.id);
    reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="meeting-${params.id}.pdf"`);
    return pdf;
  });
};
