import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/series.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { setAttendanceRule } from './attendance-rule.ts';
import { changeSeries } from './edit.ts';
import { addSeriesException, cancelSeries, createSeries, getSeries, listSeries } from './service.ts';
import { programmeCalendar, setSchedule, upcoming } from './views.ts';

export const seriesRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.createSeries, ({ request, params, body }) =>
    createSeries(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.listSeries, ({ request, params }) =>
    listSeries(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.getSeries, ({ request, params }) =>
    getSeries(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.changeSeries, ({ request, params, body }) =>
    changeSeries(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.addSeriesException, ({ request, params, body }) =>
    addSeriesException(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.cancelSeries, ({ request, params }) =>
    cancelSeries(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.getSetSchedule, ({ request, params }) =>
    setSchedule(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.setAttendanceRule, ({ request, params, body }) =>
    setAttendanceRule(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getProgrammeCalendar, ({ request, params }) =>
    programmeCalendar(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.getUpcoming, ({ request }) => upcoming(ctx, signedIn(request)), {
    viewerCache: ctx.viewerCache,
  });
};
