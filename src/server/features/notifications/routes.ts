import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize, signedIn } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import { personResource } from '../resources.ts';
import {
  loadPreferences,
  notificationKinds,
  type Preferences,
  readUnsubscribeToken,
  savePreferences,
} from './preferences.ts';

const preferencesSchema = z.strictObject({
  disabled: z.array(z.enum(notificationKinds)).max(notificationKinds.length),
  /** Minutes before each meeting: from 15 minutes to 14 days, at most four reminders. */
  reminderOffsets: z
    .array(
      z
        .number()
        .int()
        .min(15)
        .max(14 * 24 * 60),
    )
    .max(4),
});

async function mine(ctx: AppContext, actor: PersonActor) {
  authorize(actor, 'person.update', await personResource(ctx.db, actor.personId));
  const prefs = (await loadPreferences(ctx.store.plain, [actor.personId])).get(actor.personId)!;
  return { ...prefs, kinds: [...notificationKinds] };
}

function readToken(ctx: AppContext, token: string) {
  const parsed = readUnsubscribeToken(ctx.config.authSecret, token);
  if (!parsed)
    throw new Problem('gone', 'This unsubscribe link is not valid. Choose your emails in Revans instead.');
  return parsed;
}

export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Mail clients send one-click unsubscribes (RFC 8058) as a form post; only these routes accept one.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) =>
    done(null, undefined),
  );

  app.get(
    '/api/me/notifications',
    { schema: { tags: ['notifications'], summary: 'Which emails you receive, and when reminders come' } },
    async (request) => mine(ctx, signedIn(request)),
  );

  app.put(
    '/api/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Choose which emails you receive and how long before a meeting reminders come',
        body: preferencesSchema,
      },
    },
    async (request) => {
      const actor = signedIn(request);
      authorize(actor, 'person.update', await personResource(ctx.db, actor.personId));
      await savePreferences(ctx.store.plain, actor.personId, request.body as Preferences, ctx.now());
      return mine(ctx, actor);
    },
  );

  const tokenParams = z.strictObject({ token: z.string().min(20).max(300) });

  app.get(
    '/api/unsubscribe/:token',
    {
      schema: {
        tags: ['notifications'],
        summary: 'What an unsubscribe link would turn off (the link is the credential)',
        security: [],
        params: tokenParams,
      },
    },
    async (request) => {
      const { personId, kind } = readToken(ctx, request.params.token);
      const prefs = (await loadPreferences(ctx.store.plain, [personId])).get(personId)!;
      return { kind, unsubscribed: prefs.disabled.includes(kind) };
    },
  );

  app.post(
    '/api/unsubscribe/:token',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Stop one kind of email with one click (RFC 8058); the link is the credential',
        security: [],
        params: tokenParams,
      },
    },
    async (request) => {
      const { personId, kind } = readToken(ctx, request.params.token);
      const prefs = (await loadPreferences(ctx.store.plain, [personId])).get(personId)!;
      if (!prefs.disabled.includes(kind)) prefs.disabled.push(kind);
      await savePreferences(ctx.store.plain, personId, prefs, ctx.now());
      return { kind, unsubscribed: true };
    },
  );
};
