import { randomUUID } from 'node:crypto';
import type { WorkshopActionItem, WorkshopActionStatus } from '../../../contract/workshops.ts';
import type { PersonActor, WorkshopActionResource } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { programmeResource } from '../resources.ts';
import { stateOf, workshopResource, workshopRow } from './view.ts';

/**
 * A participant's own actions from a workshop. Private to their owner: every query here is by owner,
 * and no other reader exists (not the coordinator, the admin or the workshop's facilitator).
 */
function actionsQuery(ctx: AppContext) {
  return ctx.db
    .selectFrom('workshopAction')
    .innerJoin('workshop', 'workshop.id', 'workshopAction.workshopId')
    .innerJoin('programme', 'programme.id', 'workshop.programmeId')
    .leftJoin('programmeEvent', 'programmeEvent.id', 'workshop.eventId')
    .select([
      'workshopAction.id',
      'workshopAction.text',
      'workshopAction.dueOn',
      'workshopAction.status',
      'workshopAction.createdAt',
      'workshopAction.ownerId',
      'workshop.id as workshopId',
      'workshop.title as workshopTitle',
      'programmeEvent.title as eventTitle',
      'programmeEvent.startsAt',
      'programme.id as programmeId',
      'programme.name as programmeName',
      'programme.hostId',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof actionsQuery>['executeTakeFirstOrThrow']>>;

const present = (r: Row): WorkshopActionItem => ({
  id: r.id,
  text: r.text,
  dueOn: r.dueOn,
  status: r.status,
  workshop: { id: r.workshopId, title: r.eventTitle ?? r.workshopTitle, startsAt: r.startsAt },
  programme: { id: r.programmeId, name: r.programmeName },
  createdAt: r.createdAt,
});

export async function listMyWorkshopActions(ctx: AppContext, actor: PersonActor) {
  const rows = await actionsQuery(ctx)
    .where('workshopAction.ownerId', '=', actor.personId)
    .orderBy('workshopAction.createdAt', 'desc')
    .execute();
  return rows.map(present);
}

async function loadOne(ctx: AppContext, actionId: string) {
  const row = await actionsQuery(ctx).where('workshopAction.id', '=', actionId).executeTakeFirst();
  if (!row) throw notFound('workshop action');
  return row;
}

export async function createWorkshopAction(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  input: { text: string; dueOn: string | null },
): Promise<WorkshopActionItem> {
  const row = await workshopRow(ctx, workshopId);
  authorize(actor, 'workshopAction.create', await workshopResource(ctx, row));
  const event = row.eventId
    ? await ctx.db.selectFrom('programmeEvent').selectAll().where('id', '=', row.eventId).executeTakeFirst()
    : undefined;
  const state = stateOf(event, ctx.now());
  if (state !== 'held')
    throw conflict(
      state === 'cancelled'
        ? 'This workshop was cancelled, so it has no actions.'
        : 'You can note your actions from a workshop once it has begun.',
    );
  const id = randomUUID();
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('workshopAction')
    .values({
      id,
      workshopId,
      ownerId: actor.personId,
      text: input.text,
      dueOn: input.dueOn,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return present(await loadOne(ctx, id));
}

export async function updateWorkshopAction(
  ctx: AppContext,
  actor: PersonActor,
  actionId: string,
  change: { text?: string; dueOn?: string | null; status?: WorkshopActionStatus },
): Promise<WorkshopActionItem> {
  const row = await loadOne(ctx, actionId);
  const programme = await programmeResource(ctx.db, row.programmeId);
  const resource: WorkshopActionResource = {
    type: 'workshopAction',
    hostId: programme.hostId,
    programmeId: row.programmeId,
    ownerId: row.ownerId,
    programmeClosed: programme.programmeClosed,
  };
  authorize(actor, 'workshopAction.update', resource);
  await ctx.db
    .updateTable('workshopAction')
    .set({
      ...(change.text !== undefined ? { text: change.text } : {}),
      ...(change.dueOn !== undefined ? { dueOn: change.dueOn } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      updatedAt: ctx.now().toISOString(),
    })
    .where('id', '=', actionId)
    .execute();
  return present(await loadOne(ctx, actionId));
}
