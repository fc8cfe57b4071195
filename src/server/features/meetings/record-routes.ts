import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { idParams } from '../../http/schemas.ts';
import { meetingRecord, meetingRecordPdf } from './record.ts';

/** A participant's own record of a held meeting: as JSON, and to download as Markdown or PDF. */
export const recordRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/meetings/:id/record',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Your record of a held meeting (set only), with a Markdown export (a PDF is at record.pdf)',
        params: idParams,
      },
    },
    async (request) => meetingRecord(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/meetings/:id/record.md',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Download your record of a meeting as Markdown',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { markdown } = await meetingRecord(ctx, signedIn(request), request.params.id);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="meeting-${request.params.id}.md"`)
        .send(markdown);
    },
  );

  app.get(
    '/api/meetings/:id/record.pdf',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Download your record of a meeting as PDF',
        params: idParams,
      },
    },
    async (request, reply) => {
      const pdf = await meetingRecordPdf(ctx, signedIn(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="meeting-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
};
