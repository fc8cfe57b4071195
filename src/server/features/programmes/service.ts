import { randomUUID } from 'node:crypto';
import type {
  NewProgramme,
  Programme,
  ProgrammePatch,
  ProgrammeSummary,
} from '../../../contract/programmes.ts';
import { can, type PersonActor } from '../../../domain/access.ts';
import { applyArchived } from '../../../domain/archiving.ts';
import { type SizeBounds, validPeriod, validSizeBounds } from '../../../domain/programme.ts';
import { initialStatuses, transitionProblem } from '../../../domain/programme-lifecycle.ts';
import { extend } from '../../../shared/objects.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { precompiled } from '../../store/precompiled.ts';
import { transact } from '../../transact.ts';
import { hostResource, programmeResource } from '../resources.ts';
import { presentProgramme } from './present.ts';

function checkRules(input: { startsOn: string | null; endsOn: string | null; setSize: SizeBounds }) {
  const bounds = validSizeBounds(input.setSize);
  if (bounds) throw new Problem('validation-failed', bounds, [{ field: 'body.setSize', message: bounds }]);
  const period = validPeriod(input.startsOn, input.endsOn);
  if (period) throw new Problem('validation-failed', period, [{ field: 'body.endsOn', message: period }]);
}

export async function listProgrammes(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  includeArchived: boolean,
): Promise<ProgrammeSummary[]> {
  authorize(actor, 'programme.list', hostResource(hostId));
  let query = ctx.db
    .selectFrom('programme')
    .selectAll()
    .where('hostId', '=', hostId)
    .orderBy('createdAt', 'desc');
  if (!includeArchived) query = query.where('archivedAt', 'is', null);
  const rows = await query.execute();
  return rows
    .filter((row) => can(actor, 'programme.read', { type: 'programme', hostId, programmeId: row.id }))
    .map((row) => presentProgramme(actor, row));
}

const coordinatorsOf = precompiled((db, p: { programmeId: string }) =>
  db
    .selectFrom('programmeCoordinator')
    .innerJoin('person', 'person.id', 'programmeCoordinator.personId')
    .select(['person.id as personId', 'person.name'])
    .where('programmeCoordinator.programmeId', '=', p.programmeId)
    .orderBy('person.name'),
);
const programmeRow = precompiled((db, p: { programmeId: string }) =>
  db.selectFrom('programme').selectAll().where('id', '=', p.programmeId),
);

/** The programme page: after the access check, the programme and its coordinators are read together. */
export async function getProgramme(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<Programme> {
  authorize(actor, 'programme.read', await programmeResource(ctx.db, programmeId));
  const [row, coordinators] = await Promise.all([
    programmeRow.takeFirst(ctx.db, { programmeId }),
    coordinatorsOf.execute(ctx.db, { programmeId }),
  ]);
  if (!row) throw notFound('programme');
  return extend(presentProgramme(actor, row), { coordinators });
}

export async function createProgramme(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  input: NewProgramme,
): Promise<Programme> {
  authorize(actor, 'programme.create', hostResource(hostId));
  checkRules(input);
  if (!initialStatuses.includes(input.status)) {
    const detail =
      'A new programme starts as a draft or recruiting; later statuses follow from its lifecycle.';
    throw new Problem('validation-failed', detail, [{ field: 'body.status', message: detail }]);
  }
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await transact(ctx, async (tx) => {
    await tx.db
      .insertInto('programme')
      .values({
        id,
        hostId,
        name: input.name,
        purpose: input.purpose,
        theme: input.theme,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: input.status,
        minSetSize: input.setSize.min,
        maxSetSize: input.setSize.max,
        meetingCadence: input.meetingCadence,
        participation: input.participation,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await audit(tx, {
      hostId,
      by: actor,
      action: 'programme.created',
      target: { type: 'programme', id, label: input.name },
      details: { status: input.status },
    });
    // Someone who may start programmes without being a host admin coordinates what they start.
    if (!actor.hostAdmin) {
      const starter = await tx.db
        .selectFrom('person')
        .select('name')
        .where('id', '=', actor.personId)
        .executeTakeFirstOrThrow();
      await tx.db
        .insertInto('programmeCoordinator')
        .values({ programmeId: id, personId: actor.personId, createdAt: now })
        .execute();
      await audit(tx, {
        hostId,
        by: actor,
        action: 'coordinator.added',
        target: { type: 'person', id: actor.personId, label: starter.name },
        details: { programmeId: id, programme: input.name },
      });
    }
  });
  // The actor was loaded before the programme existed: they coordinate it now.
  const coordinating = actor.hostAdmin
    ? actor
    : { ...actor, coordinatorOf: new Set([...actor.coordinatorOf, id]) };
  return getProgramme(ctx, coordinating, id);
}

export async function updateProgramme(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  patch: ProgrammePatch,
): Promise<Programme> {
  const resource = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'programme.update', resource);
  if (patch.archived !== undefined) authorize(actor, 'programme.archive', resource);
  const current = await ctx.db
    .selectFrom('programme')
    .selectAll()
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const merged = {
    startsOn: patch.startsOn === undefined ? current.startsOn : patch.startsOn,
    endsOn: patch.endsOn === undefined ? current.endsOn : patch.endsOn,
    setSize: patch.setSize ?? { min: current.minSetSize, max: current.maxSetSize },
  };
  checkRules(merged);
  if (patch.status !== undefined) {
    const problem = transitionProblem(current.status, patch.status);
    if (problem) throw conflict(problem, 'body.status');
    if (patch.status === 'closed' && current.status !== 'closed')
      authorize(actor, 'programme.close', resource);
  }
  const closing = patch.status === 'closed' && current.status !== 'closed';
  const now = ctx.now().toISOString();
  const archive = applyArchived(current.archivedAt, patch.archived, now);
  await transact(ctx, async (tx) => {
    await tx.db
      .updateTable('programme')
      .set({
        name: patch.name ?? current.name,
        purpose: patch.purpose ?? current.purpose,
        theme: patch.theme ?? current.theme,
        startsOn: merged.startsOn,
        endsOn: merged.endsOn,
        status: patch.status ?? current.status,
        minSetSize: merged.setSize.min,
        maxSetSize: merged.setSize.max,
        meetingCadence: patch.meetingCadence ?? current.meetingCadence,
        participation: patch.participation ?? current.participation,
        closedAt: closing ? ctx.now().toISOString() : current.closedAt,
        archivedAt: archive.archivedAt,
        updatedAt: now,
      })
      .where('id', '=', programmeId)
      .execute();
    const target = { type: 'programme', id: programmeId, label: patch.name ?? current.name } as const;
    if (patch.status !== undefined && patch.status !== current.status)
      await audit(tx, {
        hostId: current.hostId,
        by: actor,
        action: 'programme.statusChanged',
        target,
        details: { from: current.status, to: patch.status },
      });
    if (archive.change)
      await audit(tx, {
        hostId: current.hostId,
        by: actor,
        action: `programme.${archive.change}`,
        target,
      });
  });
  return getProgramme(ctx, actor, programmeId);
}

export async function addCoordinator(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  personId: string,
): Promise<Programme> {
  const resource = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'programme.manageCoordinators', resource);
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('id', '=', personId)
    .where('hostId', '=', resource.hostId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!person) {
    throw new Problem('validation-failed', 'The person chosen does not exist.', [
      { field: 'body.personId', message: 'personId does not name a person of this host' },
    ]);
  }
  const existing = await ctx.db
    .selectFrom('programmeCoordinator')
    .select('personId')
    .where('programmeId', '=', programmeId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  if (existing)
    throw conflict('{{name}} already coordinates this programme.', 'body.personId', { name: person.name });
  const programme = await ctx.db
    .selectFrom('programme')
    .select('name')
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  await transact(ctx, async (tx) => {
    await tx.db
      .insertInto('programmeCoordinator')
      .values({ programmeId, personId, createdAt: ctx.now().toISOString() })
      .execute();
    await audit(tx, {
      hostId: resource.hostId,
      by: actor,
      action: 'coordinator.added',
      target: { type: 'person', id: personId, label: person.name },
      details: { programmeId, programme: programme.name },
    });
  });
  return getProgramme(ctx, actor, programmeId);
}

export async function removeCoordinator(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  personId: string,
): Promise<Programme> {
  const resource = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'programme.manageCoordinators', resource);
  const names = await ctx.db
    .selectFrom('programme')
    .leftJoin('person', (j) => j.on('person.id', '=', personId))
    .select(['programme.name as programme', 'person.name as person'])
    .where('programme.id', '=', programmeId)
    .executeTakeFirstOrThrow();
  await transact(ctx, async (tx) => {
    const result = await tx.db
      .deleteFrom('programmeCoordinator')
      .where('programmeId', '=', programmeId)
      .where('personId', '=', personId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
      throw new Problem('not-found', 'This person does not coordinate this programme.');
    await audit(tx, {
      hostId: resource.hostId,
      by: actor,
      action: 'coordinator.removed',
      target: { type: 'person', id: personId, label: names.person },
      details: { programmeId, programme: names.programme },
    });
  });
  return getProgramme(ctx, actor, programmeId);
}
