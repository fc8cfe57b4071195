import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { abilitiesFor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize, signedIn } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import { hostParams, id, language, name, timeZone } from '../../http/schemas.ts';
import { forViewing } from '../../mail/confidential.ts';
import { hostResource } from '../resources.ts';

export const hostRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  /**
   * Every view of a mail but its delivery withholds set content and private links (a link would let the
   * reader act as the recipient, and so read set content), in the viewer's own language.
   */
  const mailViewer = async (viewerId: string) => {
    const viewer = await ctx.store.plain
      .selectFrom('person')
      .select('language')
      .where('id', '=', viewerId)
      .executeTakeFirst();
    const t = ctx.i18n.getFixedT(viewer?.language ?? 'en', 'mail');
    const link = t('outboxView.privateLink');
    return {
      subject: (subject: string) => forViewing(subject, { content: t('outboxView.subject'), link }),
      body: (text: string, kind: string) =>
        forViewing(text, { content: t('outboxView.setContent'), link }, kind),
    };
  };

  const presentHost = async (hostId: string, request: Parameters<typeof signedIn>[0]) => {
    const actor = signedIn(request);
    authorize(actor, 'host.read', hostResource(hostId));
    const host = await ctx.store.plain
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
      await ctx.store.plain.updateTable('host').set(set).where('id', '=', hostId).execute();
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
      const view = await mailViewer(actor.personId);
      const rows = await ctx.store.plain
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
          subject: view.subject(r.subject).text,
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
        summary: 'One queued or sent mail with its text; set content and private links are withheld',
        params: z.strictObject({ hostId: id, id }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      authorize(actor, 'host.readMailOutbox', hostResource(request.params.hostId));
      const row = await ctx.store.plain
        .selectFrom('mail_outbox')
        .selectAll()
        .where('host_id', '=', request.params.hostId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('mail');
      const view = await mailViewer(actor.personId);
      const subject = view.subject(row.subject);
      const body = view.body(row.text_body, row.kind);
      return {
        id: row.id,
        to: row.to_address,
        subject: subject.text,
        kind: row.kind,
        status: row.status,
        text: body.text,
        withheld: {
          setContent: subject.withheldContent + body.withheldContent,
          privateLinks: body.withheldLinks,
        },
        createdAt: row.created_at,
        sentAt: row.sent_at,
      };
    },
  );
};
