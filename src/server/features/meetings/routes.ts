import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/meetings.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import {
  getMeeting,
  listMeetings,
  recordAttendance,
  scheduleMeeting,
  setOwnAttendance,
  updateMeeting,
} from './service.ts';

export const meetingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listMeetings, ({ request, params }) =>
    listMeetings(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.scheduleMeeting, ({ request, params, body }) =>
    scheduleMeeting(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getMeeting, ({ request, params }) =>
    getMeeting(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateMeeting, ({ request, params, body }) =>
    updateMeeting(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.sendApologies, ({ request, params, body }) =>
    setOwnAttendance(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.recordAttendance, ({ request, params, body }) =>
    recordAttendance(ctx, signedIn(request), params.id, params.personId, body.status),
  );
};
