import { randomUUID } from 'node:crypto';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { hostResource } from '../resources.ts';

export interface OrganisationPatch {
  name?: string | undefined;
  archived?: boolean | undefined;
}

export async function listOrganisations(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  includeArchived: boolean,
) {
  authorize(actor, 'organisation.list', hostResource(hostId));
  let query = ctx.store.db
    .selectFrom('organisation')
    .leftJoin('person', (join) =>
      join.onRef('person.organisation_id', '=', 'organisation.id').on('person.archived_at', 'is', null),
    )
    .select((eb) => [
      'organisation.id',
      'organisation.name',
      'organisation.archived_at',
      eb.fn.count<number>('person.id').as('people'),
    ])
    .where('organisation.host_id', '=', hostId)
    .groupBy(['organisation.id', 'organisation.name', 'organisation.archived_at'])
    .orderBy('organisation.name');
  if (!includeArchived) query = query.where('organisation.archived_at', 'is', null);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    archived: row.archived_at !== null,
    people: Number(row.people),
  }));
}

async function assertNameFree(ctx: AppContext, hostId: string, name: string, exceptId?: string) {
  let query = ctx.store.db
    .selectFrom('organisation')
    .select('id')
    .where('host_id', '=', hostId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst())
    throw conflict(`There is already an organisation called “${name}”.`, 'body.name');
}

export async function createOrganisation(ctx: AppContext, actor: PersonActor, hostId: string, name: string) {
  authorize(actor, 'organisation.create', hostResource(hostId));
  await assertNameFree(ctx, hostId, name);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.db
    .insertInto('organisation')
    .values({ id, host_id: hostId, name, archived_at: null, created_at: now, updated_at: now })
    .execute();
  return { id, name, archived: false, people: 0 };
}

export async function updateOrganisation(
  ctx: AppContext,
  actor: PersonActor,
  id: string,
  patch: OrganisationPatch,
) {
  const org = await ctx.store.db
    .selectFrom('organisation')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org || org.host_id !== actor.hostId) throw notFound('organisation');
  authorize(actor, 'organisation.update', hostResource(org.host_id));
  if (patch.archived !== undefined) authorize(actor, 'organisation.archive', hostResource(org.host_id));
  if (patch.name !== undefined) await assertNameFree(ctx, org.host_id, patch.name, id);
  const now = ctx.now().toISOString();
  await ctx.store.db
    .updateTable('organisation')
    .set({
      name: patch.name ?? org.name,
      archived_at:
        patch.archived === undefined ? org.archived_at : patch.archived ? (org.archived_at ?? now) : null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  const [updated] = (await listOrganisations(ctx, actor, org.host_id, true)).filter((o) => o.id === id);
  return updated!;
}
