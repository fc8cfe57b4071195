import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/concerns.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import * as board from './board.ts';
import * as view from './proposal-view.ts';
import * as proposals from './proposals.ts';
import * as room from './room-approval.ts';
import * as themes from './themes.ts';
import * as voting from './voting.ts';

export const concernRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  // A set's proposals and its consent.
  registerRoute(app, contract.listSetConcerns, ({ request, params }) =>
    view.listSetConcerns(ctx, signedIn(request), params.setId),
  );
  registerRoute(app, contract.proposeConcern, ({ request, params, body }) =>
    proposals.proposeConcern(ctx, signedIn(request), params.setId, body),
  );
  registerRoute(app, contract.updateConcernSettings, ({ request, params, body }) =>
    view.updateConcernSettings(ctx, signedIn(request), params.setId, body.objectionDays),
  );
  registerRoute(app, contract.getConcern, ({ request, params }) =>
    view.getConcern(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.editConcern, ({ request, params, body }) =>
    proposals.editConcern(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.withdrawConcern, ({ request, params }) =>
    proposals.withdrawConcern(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.objectToConcern, ({ request, params }) =>
    proposals.objectToConcern(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.withdrawObjection, ({ request, params }) =>
    proposals.withdrawObjection(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.approveConcern, ({ request, params, body }) =>
    room.approveConcern(ctx, signedIn(request), params.id, body.meetingId),
  );
  registerRoute(app, contract.listRoomConcerns, ({ request, params }) =>
    room.listRoomConcerns(ctx, signedIn(request), params.meetingId),
  );

  // The programme's shared concerns, themes and votes.
  registerRoute(app, contract.listProgrammeConcerns, ({ request, params }) =>
    board.listProgrammeConcerns(ctx, signedIn(request), params.programmeId),
  );
  registerRoute(app, contract.suggestThemes, ({ request, params, query }) =>
    board.suggestProgrammeThemes(ctx, signedIn(request), params.programmeId, query.threshold),
  );
  registerRoute(app, contract.replaceThemes, ({ request, params, body }) =>
    themes.replaceThemes(ctx, signedIn(request), params.programmeId, body.themes),
  );
  registerRoute(app, contract.createTheme, ({ request, params, body }) =>
    themes.createTheme(ctx, signedIn(request), params.programmeId, body),
  );
  registerRoute(app, contract.updateTheme, ({ request, params, body }) =>
    themes.updateTheme(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.deleteTheme, ({ request, params }) =>
    themes.deleteTheme(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.mergeTheme, ({ request, params, body }) =>
    themes.mergeTheme(ctx, signedIn(request), params.id, body.intoThemeId),
  );
  registerRoute(app, contract.moveConcern, ({ request, params, body }) =>
    themes.moveConcern(ctx, signedIn(request), params.id, body.themeId),
  );
  registerRoute(app, contract.updateVoting, ({ request, params, body }) =>
    voting.updateVoting(ctx, signedIn(request), params.programmeId, body),
  );
  registerRoute(app, contract.castVotes, ({ request, params, body }) =>
    voting.castVotes(ctx, signedIn(request), params.programmeId, body.votes),
  );
};
