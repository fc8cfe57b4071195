import { randomUUID } from 'node:crypto';
import { can, type PersonActor } from '../../../domain/access.ts';
import { type ProgrammeStatus, validPeriod, validSizeBounds } from '../../../domain/programme.ts';
import { initialStatuses, transitionProblem } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { hostResource, programmeResource } from '../resources.ts';
import { presentProgramme } from './present.ts';

export interface ProgrammeInput {
  name: string;
  purpose: string;
  theme: string;
  startsOn: string | null;
  endsOn: string | null;
  status: ProgrammeStatus;
  setSize: { min: number; max: number };
  /** How often and how long sets meet, in words. */
  meetingCadence?: string | undefined;
  /** What taking part involves, shown to applicants. */
  participation?: string | undefined;
}

function checkRules(input: Pick<ProgrammeInput, 'startsOn' | 'endsOn' | 'setSize'>) {
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
) {
  authorize(actor, 'programme.list', hostResource(hostId));
  let query = ctx.store.plain
    .selectFrom('programme')
    .selectAll()
    .where('host_id', '=', hostId)
    .orderBy('created_at', 'desc');
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  const rows = await query.execute();
  return rows
    .filter((row) => can(actor, 'programme.read', { type: 'programme', hostId, programmeId: row.id }))
    .map((row) => presentProgramme(actor, row));
}

async function coordinators(ctx: AppContext, programmeId: string) {
  return ctx.store.plain
    .selectFrom('programme_coordinator')
    .innerJoin('person', 'person.id', 'programme_coordinator.person_id')
    .select(['person.id as personId', 'person.name'])
    .where('programme_coordinator.programme_id', '=', programmeId)
    .orderBy('person.name')
    .execute();
}

export async function getProgramme(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.read', await programmeResource(ctx.store.plain, programmeId));
  const row = await ctx.store.plain
    .selectFrom('programme')
    .selectAll()
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return { ...presentProgramme(actor, row), coordinators: await coordinators(ctx, programmeId) };
}

export async function createProgramme(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  input: ProgrammeInput,
) {
  authorize(actor, 'programme.create', hostResource(hostId));
  checkRules(input);
  if (!initialStatuses.includes(input.status)) {
    const detail =
      'A new programme starts as a draft or recruiting; later statuses follow from its lifecycle.';
    throw new Problem('validation-failed', detail, [{ field: 'body.status', message: detail }]);
  }
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.plain
    .insertInto('programme')
    .values({
      id,
      host_id: hostId,
      name: input.name,
      purpose: input.purpose,
      theme: input.theme,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      status: input.status,
      min_set_size: input.setSize.min,
      max_set_size: input.setSize.max,
      meeting_cadence: input.meetingCadence ?? '',
      participation: input.participation ?? '',
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getProgramme(ctx, actor, id);
}

export async function updateProgramme(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  patch: Partial<ProgrammeInput> & { archived?: boolean | undefined },
) {
  const resource = await programmeResource(ctx.store.plain, programmeId);
  authorize(actor, 'programme.update', resource);
  if (patch.archived !== undefined) authorize(actor, 'programme.archive', resource);
  const current = await ctx.store.plain
    .selectFrom('programme')
    .selectAll()
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const merged = {
    startsOn: patch.startsOn === undefined ? current.starts_on : patch.startsOn,
    endsOn: patch.endsOn === undefined ? current.ends_on : patch.endsOn,
    setSize: patch.setSize ?? { min: current.min_set_size, max: current.max_set_size },
  };
  checkRules(merged);
  if (patch.status !== undefined) {
    const problem = transitionProblem(current.status, patch.status);
    if (problem) throw conflict(problem, 'body.status');
  }
  const now = ctx.now().toISOString();
  await ctx.store.plain
    .updateTable('programme')
    .set({
      name: patch.name ?? current.name,
      purpose: patch.purpose ?? current.purpose,
      theme: patch.theme ?? current.theme,
      starts_on: merged.startsOn,
      ends_on: merged.endsOn,
      status: patch.status ?? current.status,
      min_set_size: merged.setSize.min,
      max_set_size: merged.setSize.max,
      meeting_cadence: patch.meetingCadence ?? current.meeting_cadence,
      participation: patch.participation ?? current.participation,
      archived_at:
        patch.archived === undefined
          ? current.archived_at
          : patch.archived
            ? (current.archived_at ?? now)
            : null,
      updated_at: now,
    })
    .where('id', '=', programmeId)
    .execute();
  return getProgramme(ctx, actor, programmeId);
}

export async function addCoordinator(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  personId: string,
) {
  const resource = await programmeResource(ctx.store.plain, programmeId);
  authorize(actor, 'programme.manageCoordinators', resource);
  const person = await ctx.store.plain
    .selectFrom('person')
    .select(['id', 'name'])
    .where('id', '=', personId)
    .where('host_id', '=', resource.hostId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!person) {
    throw new Problem('validation-failed', 'The person chosen does not exist.', [
      { field: 'body.personId', message: 'personId does not name a person of this host' },
    ]);
  }
  const existing = await ctx.store.plain
    .selectFrom('programme_coordinator')
    .select('person_id')
    .where('programme_id', '=', programmeId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (existing) throw conflict(`${person.name} already coordinates this programme.`, 'body.personId');
  await ctx.store.plain
    .insertInto('programme_coordinator')
    .values({ programme_id: programmeId, person_id: personId, created_at: ctx.now().toISOString() })
    .execute();
  return getProgramme(ctx, actor, programmeId);
}

export async function removeCoordinator(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  personId: string,
) {
  authorize(actor, 'programme.manageCoordinators', await programmeResource(ctx.store.plain, programmeId));
  const result = await ctx.store.plain
    .deleteFrom('programme_coordinator')
    .where('programme_id', '=', programmeId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new Problem('not-found', 'This person does not coordinate this programme.');
  return getProgramme(ctx, actor, programmeId);
}
