import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/feedback.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import * as pulses from './pulses.ts';
import { buildReport, reportCsv } from './report.ts';
import { reportPdf } from './report-pdf.ts';
import * as reviews from './reviews.ts';
import * as settings from './settings.ts';

/** Pulses after meetings, the programme review and its report (issue 9, items 4-6). */
export const feedbackRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getFeedbackSettings, ({ request, params }) =>
    settings.getFeedbackSettings(ctx, signedIn(request), params.hostId),
  );
  registerRoute(app, contract.updateFeedbackSettings, ({ request, params, body }) =>
    settings.updateFeedbackSettings(ctx, signedIn(request), params.hostId, body.minAnswers),
  );

  registerRoute(app, contract.getMeetingPulse, ({ request, params }) =>
    pulses.getMeetingPulse(ctx, signedIn(request), params.meetingId),
  );
  registerRoute(app, contract.answerPulse, ({ request, params, body }) =>
    pulses.answerPulse(ctx, signedIn(request), params.meetingId, body),
  );
  registerRoute(app, contract.withdrawPulse, ({ request, params }) =>
    pulses.withdrawPulse(ctx, signedIn(request), params.meetingId),
  );
  registerRoute(app, contract.getSetPulses, ({ request, params }) =>
    pulses.getSetPulses(ctx, signedIn(request), params.setId),
  );
  registerRoute(app, contract.getProgrammePulses, ({ request, params }) =>
    pulses.getProgrammePulses(ctx, signedIn(request), params.programmeId),
  );

  registerRoute(app, contract.listReviews, ({ request, params }) =>
    reviews.listReviews(ctx, signedIn(request), params.programmeId),
  );
  registerRoute(app, contract.createReview, ({ request, params, body }) =>
    reviews.createReview(ctx, signedIn(request), params.programmeId, body),
  );
  registerRoute(app, contract.getReview, ({ request, params }) =>
    reviews.getReview(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateReview, ({ request, params, body }) =>
    reviews.updateReview(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.answerReview, ({ request, params, body }) =>
    reviews.answerReview(ctx, signedIn(request), params.id, body.answers),
  );
  registerRoute(app, contract.remindReview, ({ request, params }) =>
    reviews.remindReview(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.publishReport, ({ request, params, body }) =>
    reviews.publishReport(ctx, signedIn(request), params.id, body.published),
  );

  registerRoute(app, contract.getReport, ({ request, params }) =>
    buildReport(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.downloadReportCsv, async ({ request, reply, params }) => {
    const csv = reportCsv(await buildReport(ctx, signedIn(request), params.id));
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="review-${params.id}.csv"`);
    return csv;
  });
  registerRoute(app, contract.downloadReportPdf, async ({ request, reply, params }) => {
    const actor = signedIn(request);
    const pdf = await reportPdf(ctx, await buildReport(ctx, actor, params.id), actor.language);
    reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="review-${params.id}.pdf"`);
    return pdf;
  });
};
