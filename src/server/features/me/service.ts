import type { Me } from '../../../contract/me.ts';
import { abilitiesFor, type PersonActor, type PersonResource } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/problem.ts';
import { precompiled } from '../../store/precompiled.ts';
import { presentHostSettings } from '../hosts/service.ts';
import { presentPerson } from '../people/present.ts';
import { personQuery } from '../people/queries.ts';

/**
 * The signed-in person with their host, what they may do there, their sets and the programmes they
 * coordinate. Read on every page load, so it runs four independent statements and takes what the access
 * map needs about the person (host, sets, admin role) from the actor already loaded for this request.
 */
const ownPerson = precompiled((db, p: { personId: string }) =>
  personQuery(db).where('person.id', '=', p.personId),
);
const ownHost = precompiled((db, p: { hostId: string }) =>
  db
    .selectFrom('host')
    .select(['id', 'name', 'defaultTimeZone', 'defaultLanguage'])
    .where('id', '=', p.hostId),
);
const ownSets = precompiled((db, p: { personId: string }) =>
  db
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
    .where('setMembership.personId', '=', p.personId)
    .orderBy('learningSet.name'),
);
const coordinatedProgrammes = precompiled((db, p: { personId: string }) =>
  db
    .selectFrom('programmeCoordinator')
    .innerJoin('programme', 'programme.id', 'programmeCoordinator.programmeId')
    .select(['programme.id', 'programme.name', 'programme.status'])
    .where('programmeCoordinator.personId', '=', p.personId)
    .orderBy('programme.name'),
);

/**
 * The signed-in person with their host, what they may do there, their sets and the programmes they
 * coordinate. Read on every page load, so it runs four independent, precompiled statements and takes
 * what the access map needs about the person (host, sets, admin role) from the actor already loaded for
 * this request.
 */
export async function getMe(ctx: AppContext, actor: PersonActor): Promise<Me> {
  const { personId, hostId } = actor;
  const [row, host, sets, coordinates] = await Promise.all([
    ownPerson.takeFirst(ctx.db, { personId }),
    ownHost.takeFirst(ctx.db, { hostId }),
    ownSets.execute(ctx.db, { personId }),
    coordinatedProgrammes.execute(ctx.db, { personId }),
  ]);
  if (!row || !host) throw notFound('person');
  const self: PersonResource = {
    type: 'person',
    hostId: actor.hostId,
    personId: actor.personId,
    setIds: [...actor.setRoles.keys()],
  };
  return {
    // Signed in means an account: the person is active.
    person: presentPerson(actor, row, self, { status: 'active', hostAdmin: actor.hostAdmin }),
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
