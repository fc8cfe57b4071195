import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/calendar.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { feedForToken, feedStatus, meetingIcs, regenerateFeed, revokeFeed, seriesIcs } from './service.ts';

const icsType = 'text/calendar; charset=utf-8';

export const calendarRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getCalendarFeed, ({ request }) => feedStatus(ctx, signedIn(request)));
  registerRoute(app, contract.createCalendarFeed, ({ request }) => regenerateFeed(ctx, signedIn(request)));
  registerRoute(app, contract.revokeCalendarFeed, ({ request }) => revokeFeed(ctx, signedIn(request)));

  registerRoute(app, contract.calendarFeed, async ({ params, reply }) => {
    const body = await feedForToken(ctx, params.file.replace(/\.ics$/, ''));
    return reply
      .header('content-type', icsType)
      .header('cache-control', 'private, max-age=300')
      .header('x-robots-tag', 'noindex')
      .send(body);
  });

  registerRoute(app, contract.meetingIcs, async ({ request, params, reply }) =>
    reply
      .header('content-type', icsType)
      .header('content-disposition', 'attachment; filename="meeting.ics"')
      .send(await meetingIcs(ctx, signedIn(request), params.id)),
  );

  registerRoute(app, contract.seriesIcs, async ({ request, params, reply }) =>
    reply
      .header('content-type', icsType)
      .header('content-disposition', 'attachment; filename="meetings.ics"')
      .send(await seriesIcs(ctx, signedIn(request), params.id)),
  );
};
