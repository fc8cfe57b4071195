import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationStatuses, availabilityPattern, decisions } from '../../../domain/enrolment.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { email, idParams, longText, name, shortText, timeZone, token } from '../../http/schemas.ts';
import { describeApplyLink, inviteToApply, submitApplication } from './applications.ts';
import { decideApplication, withdrawApplication, withdrawFromProgramme } from './decisions.ts';
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

const tokenParams = z.strictObject({ token });
// A link someone was mailed: whatever its text, a token that names nothing is a 404 ("this link does not
// work"), never a validation error; only absurd lengths are refused as input.
const linkTokenParams = z.strictObject({ token: z.string().min(1).max(200) });
const item = z.string().trim().min(1).max(200);
const given = (what: string) => z.literal(true, { error: `Please consent to ${what} to apply.` });

const applicationBody = z.strictObject({
  name: name.optional(),
  email: email.optional(),
  organisation: name,
  role: shortText,
  themes: z.array(item).max(20).default([]),
  languages: z.array(z.string().trim().min(2).max(35)).min(1).max(10),
  timeZone,
  availability: z
    .array(
      z.string().regex(availabilityPattern, { error: 'use a day and part of day such as mon-am or wed-eve' }),
    )
    .max(21)
    .default([]),
  hopes: longText.default(''),
  mustAvoid: z.array(item).max(20).default([]),
  consent: z.strictObject({
    version: z.string().min(1).max(50),
    groundRules: given('the ground rules'),
    confidentiality: given('confidentiality'),
    dataUse: given('how your information is used'),
  }),
});

export const enrolmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/programmes/:id/application-link',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'The open application link, and whether it works now (only while recruiting)',
        params: idParams,
      },
    },
    async (request) => getApplicationLink(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/programmes/:id/application-link',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Create the open application link, or replace it (the old link stops working)',
        params: idParams,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rotateApplicationLink(ctx, signedIn(request), request.params.id)),
  );

  app.delete(
    '/api/programmes/:id/application-link',
    {
      schema: { tags: ['enrolment'], summary: 'Revoke the open application link', params: idParams },
    },
    async (request) => revokeApplicationLink(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/programmes/:id/application-invitations',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Invite someone by email to apply (a fresh invitation replaces an unused one)',
        params: idParams,
        body: z.strictObject({ name, email, asFacilitator: z.boolean().default(false) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteToApply(ctx, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/api/programmes/:id/participants-template.csv',
    {
      schema: {
        tags: ['enrolment'],
        summary:
          'A CSV template for `revans import-participants` (columns in docs/coordinators/importing.md)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await assertManagesEnrolment(ctx, signedIn(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="participants-template.csv"')
        .send(participantsTemplate);
    },
  );

  app.get(
    '/api/programmes/:id/applications',
    {
      schema: {
        tags: ['enrolment'],
        summary: "The programme's applications with their consent (coordinators and host admins)",
        params: idParams,
        querystring: z.strictObject({ status: z.enum(applicationStatuses).optional() }),
      },
    },
    async (request) => listApplications(ctx, signedIn(request), request.params.id, request.query.status),
  );

  app.get(
    '/api/programmes/:id/my-application',
    {
      schema: { tags: ['enrolment'], summary: 'Your own application to this programme', params: idParams },
    },
    async (request) => getMyApplication(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/programmes/:id/withdrawal',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Withdraw from this programme: you leave its sets; your journal and own content stay yours',
        params: idParams,
      },
    },
    async (request) => withdrawFromProgramme(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/applications/:id',
    {
      schema: { tags: ['enrolment'], summary: 'One application and its consent', params: idParams },
    },
    async (request) => getApplication(ctx, signedIn(request), request.params.id),
  );

  app.post(
    '/api/applications/:id/decision',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Accept, wait-list or decline an application; the applicant is told by email',
        params: idParams,
        body: z.strictObject({ decision: z.enum(decisions), asFacilitator: z.boolean().optional() }),
      },
    },
    async (request) => decideApplication(ctx, signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/api/applications/:id/withdrawal',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Withdraw your application (and leave the programme’s sets)',
        params: idParams,
      },
    },
    async (request) => withdrawApplication(ctx, signedIn(request), request.params.id),
  );

  app.get(
    '/api/apply/:token',
    {
      schema: {
        tags: ['enrolment'],
        summary:
          'The programme an application link is for, what taking part involves and the consent wording',
        security: [],
        params: tokenParams,
      },
    },
    async (request) => describeApplyLink(ctx, request.params.token),
  );

  app.post(
    '/api/apply/:token',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Apply through a link, signed in or with your name and email; consent is required',
        security: [],
        params: tokenParams,
        body: applicationBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitApplication(ctx, request.actor, request.params.token, request.body)),
  );

  // The private link from the acknowledgement mail: the token is the credential for one application
  // (no session, no access-map row; see status-link.ts). Like the other token routes it is under the
  // API's rate limit, and an unknown token is a 404 that reveals nothing.
  app.get(
    '/api/your-application/:token',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Where an application stands, through the private link in its acknowledgement email',
        security: [],
        params: linkTokenParams,
      },
    },
    async (request) => describeOwnApplication(ctx, request.params.token),
  );

  app.post(
    '/api/your-application/:token/withdrawal',
    {
      schema: {
        tags: ['enrolment'],
        summary:
          'Withdraw an application through its private link (409 if already withdrawn); no account needed',
        security: [],
        params: linkTokenParams,
      },
    },
    async (request) => withdrawOwnApplication(ctx, request.params.token),
  );
};
