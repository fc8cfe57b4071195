/** Invitations: a mailed link with which a person creates their account by choosing a password. */
import { z } from 'zod';
import { idParams, out, password, token } from './fields.ts';
import { route } from './route.ts';

const tokenParams = z.strictObject({ token });

export const invitePerson = route({
  method: 'POST',
  path: '/api/people/:id/invitation',
  tags: ['people'],
  summary: 'Send (or send again) an invitation email; any earlier invitation link stops working',
  params: idParams,
  status: 201,
  response: z.object({ invitationId: out.id, expiresAt: out.instant }),
});

/** Who an invitation is for, as its link shows them before they choose a password. */
export const invitationInfo = z.object({
  name: out.text,
  email: out.email,
  hostName: out.text,
  expiresAt: out.instant,
});
export type InvitationInfo = z.infer<typeof invitationInfo>;

export const describeInvitation = route({
  method: 'GET',
  path: '/api/invitations/:token',
  tags: ['invitations'],
  summary: 'Who an invitation link is for (the link itself is the credential)',
  public: true,
  params: tokenParams,
  response: invitationInfo,
});

export const acceptInvitation = route({
  method: 'POST',
  path: '/api/invitations/:token/accept',
  tags: ['invitations'],
  summary: 'Accept an invitation by choosing a password; signs the new member in',
  public: true,
  params: tokenParams,
  body: z.strictObject({ password }),
  status: 201,
  response: z.object({ personId: out.id }),
});
