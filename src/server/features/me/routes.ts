import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesFor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { getPerson } from '../people/service.ts';

export const meRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        summary: 'You: your person record, host, roles, programmes and sets (the dashboard)',
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const db = ctx.store.plain;
      const [person, host, sets, coordinated] = await Promise.all([
        getPerson(ctx, actor, actor.personId),
        db.selectFrom('host').selectAll().where('id', '=', actor.hostId).executeTakeFirstOrThrow(),
        db
          .selectFrom('set_membership')
          .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
          .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
          .select([
            'learning_set.id',
            'learning_set.name',
            'learning_set.mode',
            'learning_set.archived_at',
            'set_membership.role',
            'programme.id as programme_id',
            'programme.name as programme_name',
          ])
          .where('set_membership.person_id', '=', actor.personId)
          .orderBy('learning_set.name')
          .execute(),
        db
          .selectFrom('programme_coordinator')
          .innerJoin('programme', 'programme.id', 'programme_coordinator.programme_id')
          .select(['programme.id', 'programme.name', 'programme.status'])
          .where('programme_coordinator.person_id', '=', actor.personId)
          .orderBy('programme.name')
          .execute(),
      ]);
      return {
        person,
        host: {
          id: host.id,
          name: host.name,
          defaultTimeZone: host.default_time_zone,
          defaultLanguage: host.default_language,
        },
        hostAdmin: actor.hostAdmin,
        abilities: abilitiesFor(actor, { type: 'host', hostId: actor.hostId }),
        sets: sets.map((s) => ({
          id: s.id,
          name: s.name,
          mode: s.mode,
          role: s.role,
          archived: s.archived_at !== null,
          programme: { id: s.programme_id, name: s.programme_name },
        })),
        coordinates: coordinated,
      };
    },
  );
};
