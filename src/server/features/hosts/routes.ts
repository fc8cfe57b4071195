import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { abilitiesFor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize, signedIn } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import { hostParams, id, language, name, timeZone } from '../../http/schemas.ts';
import { hostResource } from '../resources.ts';

/**
 * Invitation and reset mails carry links that would let the reader take over an account (and so read set
 * content): an admin may see that a mail was sent and its text, never those links.
 */
const privateLink = /https?:\/\/\S+\/(invitation\/|reset-password\?token=)\S+/g;
export const withholdPrivateLinks = (text: string) => text.replace(privateLink, '[private link withheld]');

export const hostRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const presentHost = async (hostId: string, request: Parameters<typeof signedIn>[0]) => {
    const actor = signedIn(request);
    authorize(actor, 'host.read', hostResource(hostId));
    const host = await ctx.store.db
      .selectFrom('host')
      .selectAll()
      .where('id', '=', hostId)
      .executeTakeFirst();
    if (!host) throw notFound('host');
    return {
      id: host.id,
      name: host.name,
      defaultTimeZone: host.default_time_zone,
      defaultLanguage: host.default_language,
      abilities: abilitiesFor(actor, hostResource(hostId)),
    };
  };

  app.get(
    '/api/hosts/:hostId',
    { schema: { tags: ['hosts'], summary: 'The host running this Revans', params: hostParams } },
    async (request) => presentHost(request.params.hostId, request),
  );

  app.patch(
    '/api/hosts/:hostId',
    {
      schema: {
        tags: ['hosts'],
        summary: "Change the host's name and defaults",
        params: hostParams,
        body: z.strictObject({
          name: name.optional(),
          defaultTimeZone: timeZone.optional(),
          defaultLanguage: language.optional(),
        }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { hostId } = request.params;
      authorize(actor, 'host.update', hostResource(hostId));
      const body = request.body;
      const set: Record<string, string> = { updated_at: ctx.now().toISOString() };
      if (body.name !== undefined) set.name = body.name;
      if (body.defaultTimeZone !== undefined) set.default_time_zone = body.defaultTimeZone;
      if (body.defaultLanguage !== undefined) set.default_language = body.defaultLanguage;
      await ctx.store.db.updateTable('host').set(set).where('id', '=', hostId).execute();
      return presentHost(hostId, request);
    },
  );

  app.get(
    '/api/hosts/:hostId/mail',
    {
      schema: {
        tags: ['hosts'],
        summary: 'Mail Revans has queued and sent (for the operator); newest first',
        params: hostParams,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      authorize(actor, 'host.readMailOutbox', hostResource(request.params.hostId));
      const rows = await ctx.store.db
        .selectFrom('mail_outbox')
        .select([
          'id',
          'to_address',
          'subject',
          'kind',
          'status',
          'attempts',
          'last_error',
          'created_at',
          'sent_at',
        ])
        .where('host_id', '=', request.params.hostId)
        .orderBy('created_at', 'desc')
        .limit(request.query.limit)
        .execute();
      return {
        delivery: ctx.config.smtpUrl ? 'smtp' : 'files',
        mails: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          kind: r.kind,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
      };
    },
  );

  app.get(
    '/api/hosts/:hostId/mail/:id',
    {
      schema: {
        tags: ['hosts'],
        summary: 'One queued or sent mail with its text (private links are withheld)',
        params: z.strictObject({ hostId: id, id }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      authorize(actor, 'host.readMailOutbox', hostResource(request.params.hostId));
      const row = await ctx.store.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('host_id', '=', request.params.hostId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('mail');
      return {
        id: row.id,
        to: row.to_address,
        subject: row.subject,
        kind: row.kind,
        status: row.status,
        text: withholdPrivateLinks(row.text_body),
        createdAt: row.created_at,
        sentAt: row.sent_at,
      };
    },
  );
};
