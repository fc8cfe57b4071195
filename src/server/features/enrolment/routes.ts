import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/enrolment.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import { describeApplyLink, inviteToApply, submitApplication } from './applications.ts';
import { decideApplication, withdrawApplication, withdrawFromProgramme } from './decisions.ts';
import { inviteFacilitator } from './facilitators.ts';
import { participantsTemplate } from './import.ts';
import {
  assertManagesEnrolment,
  getApplication,
  getApplicationLink,
  getMyApplication,
  listApplications,
  revokeApplicationLink,
  rotateApplicationLink,
} from './service.ts';
import { describeOwnApplication, withdrawOwnApplication } from './status-link.ts';

export const enrolmentRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.getApplicationLink, ({ request, params }) =>
    getApplicationLink(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.rotateApplicationLink, ({ request, params }) =>
    rotateApplicationLink(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.revokeApplicationLink, ({ request, params }) =>
    revokeApplicationLink(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.inviteFacilitator, ({ request, params, body }) =>
    inviteFacilitator(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.inviteToApply, ({ request, params, body }) =>
    inviteToApply(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.participantsTemplate, async ({ request, reply, params }) => {
    await assertManagesEnrolment(ctx, signedIn(request), params.id);
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="participants-template.csv"');
    return participantsTemplate;
  });
  registerRoute(app, contract.listApplications, ({ request, params, query }) =>
    listApplications(ctx, signedIn(request), params.id, query.status),
  );
  registerRoute(app, contract.getMyApplication, ({ request, params }) =>
    getMyApplication(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.withdrawFromProgramme, ({ request, params }) =>
    withdrawFromProgramme(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.getApplication, ({ request, params }) =>
    getApplication(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.decideApplication, ({ request, params, body }) =>
    decideApplication(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.withdrawApplication, ({ request, params }) =>
    withdrawApplication(ctx, signedIn(request), params.id),
  );

  // Through a link: signed out, or signed in (an applicant who has an account applies as themselves).
  registerRoute(app, contract.describeApplyLink, ({ params }) => describeApplyLink(ctx, params.token));
  registerRoute(app, contract.submitApplication, ({ request, params, body }) =>
    submitApplication(ctx, request.actor, params.token, body),
  );

  // The private link from the acknowledgement mail: the token is the credential for one application
  // (no session, no access-map row; see status-link.ts). Like the other token routes it is under the
  // API's rate limit, and an unknown token is a 404 that reveals nothing.
  registerRoute(app, contract.describeOwnApplication, ({ params }) =>
    describeOwnApplication(ctx, params.token),
  );
  registerRoute(app, contract.withdrawOwnApplication, ({ params }) =>
    withdrawOwnApplication(ctx, params.token),
  );
};
