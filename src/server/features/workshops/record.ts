// What a workshop leaves behind: its notes and materials.
import { randomUUID } from 'node:crypto';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { authorized, getWorkshop } from './view.ts';

export async function saveNotes(ctx: AppContext, actor: PersonActor, workshopId: string, notes: string) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.notes');
  const now = ctx.now().toISOString();
  await ctx.db
    .updateTable('workshop')
    .set({ notes, notesUpdatedAt: now, updatedAt: now })
    .where('id', '=', row.id)
    .execute();
  return getWorkshop(ctx, actor, workshopId);
}

export const maxMaterials = 100;

export async function addMaterial(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  material: { title: string; url: string },
) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.notes');
  const count = await ctx.db
    .selectFrom('workshopMaterial')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workshopId', '=', row.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= maxMaterials)
    throw conflict('A workshop holds at most {{limit}} materials; remove one first.', undefined, {
      limit: maxMaterials,
    });
  await ctx.db
    .insertInto('workshopMaterial')
    .values({
      id: randomUUID(),
      workshopId: row.id,
      ...material,
      addedBy: actor.personId,
      createdAt: ctx.now().toISOString(),
    })
    .execute();
  return getWorkshop(ctx, actor, workshopId);
}

export async function removeMaterial(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  materialId: string,
) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.notes');
  const removed = await ctx.db
    .deleteFrom('workshopMaterial')
    .where('id', '=', materialId)
    .where('workshopId', '=', row.id)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) throw notFound('material');
  return getWorkshop(ctx, actor, workshopId);
}
