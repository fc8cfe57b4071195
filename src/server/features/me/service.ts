import type { Me } from '../../../contract/me.ts';
import { abilitiesFor, type PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { presentHostSettings } from '../hosts/service.ts';
import { getPerson } from '../people/service.ts';

/** The signed-in person with their host, what they may do there, their sets and the programmes they coordinate. */
export async function getMe(ctx: AppContext, actor: PersonActor): Promise<Me> {
  const [person, host, sets, coordinates] = await Promise.all([
    getPerson(ctx, actor, actor.personId),
    ctx.db.selectFrom('host').selectAll().where('id', '=', actor.hostId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('setMembership')
      .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
      .innerJoin('programme', 'programme.id', 'learningSet.programmeId')
      .select([
        'learningSet.id',
        'learningSet.name',
        'learningSet.mode',
        'learningSet.archivedAt',
        'setMembership.role',
        'programme.id as programmeId',
        'programme.name as programmeName',
      ])
      .where('setMembership.personId', '=', actor.personId)
      .orderBy('learningSet.name')
      .execute(),
    ctx.db
      .selectFrom('programmeCoordinator')
      .innerJoin('programme', 'programme.id', 'programmeCoordinator.programmeId')
      .select(['programme.id', 'programme.name', 'programme.status'])
      .where('programmeCoordinator.personId', '=', actor.personId)
      .orderBy('programme.name')
      .execute(),
  ]);
  return {
    person,
    host: presentHostSettings(host),
    hostAdmin: actor.hostAdmin,
    abilities: abilitiesFor(actor, { type: 'host', hostId: actor.hostId }),
    sets: sets.map((s) => ({
      id: s.id,
      name: s.name,
      mode: s.mode,
      role: s.role,
      archived: s.archivedAt !== null,
      programme: { id: s.programmeId, name: s.programmeName },
    })),
    coordinates,
  };
}
