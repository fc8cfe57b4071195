import { randomUUID } from 'node:crypto';
import type { Organisation } from '../../../contract/organisations.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { applyArchived } from '../../../domain/archiving.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { hostResource } from '../resources.ts';

export async function listOrganisations(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  includeArchived: boolean,
): Promise<Organisation[]> {
  authorize(actor, 'organisation.list', hostResource(hostId));
  let query = ctx.db
    .selectFrom('organisation')
    .leftJoin('person', (join) =>
      join.onRef('person.organisationId', '=', 'organisation.id').on('person.archivedAt', 'is', null),
    )
    .select((eb) => [
      'organisation.id',
      'organisation.name',
      eb('organisation.archivedAt', 'is not', null).as('archived'),
      eb.fn.count<number>('person.id').as('people'),
    ])
    .where('organisation.hostId', '=', hostId)
    .groupBy(['organisation.id', 'organisation.name', 'organisation.archivedAt'])
    .orderBy('organisation.name');
  if (!includeArchived) query = query.where('organisation.archivedAt', 'is', null);
  const rows = await query.execute();
  // Drivers answer a count and a comparison as they like (bigint, 0/1): the contract has numbers and booleans.
  return rows.map((row) => ({ ...row, archived: Boolean(row.archived), people: Number(row.people) }));
}

async function assertNameFree(ctx: AppContext, hostId: string, name: string, exceptId?: string) {
  let query = ctx.db
    .selectFrom('organisation')
    .select('id')
    .where('hostId', '=', hostId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst())
    throw conflict('There is already an organisation called “{{name}}”.', 'body.name', { name });
}

export async function createOrganisation(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  name: string,
): Promise<Organisation> {
  authorize(actor, 'organisation.create', hostResource(hostId));
  await assertNameFree(ctx, hostId, name);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.db
    .insertInto('organisation')
    .values({ id, hostId, name, archivedAt: null, createdAt: now, updatedAt: now })
    .execute();
  return { id, name, archived: false, people: 0 };
}

export async function updateOrganisation(
  ctx: AppContext,
  actor: PersonActor,
  id: string,
  patch: { name?: string | undefined; archived?: boolean | undefined },
): Promise<Organisation> {
  const org = await ctx.db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org || org.hostId !== actor.hostId) throw notFound('organisation');
  authorize(actor, 'organisation.update', hostResource(org.hostId));
  if (patch.archived !== undefined) authorize(actor, 'organisation.archive', hostResource(org.hostId));
  if (patch.name !== undefined) await assertNameFree(ctx, org.hostId, patch.name, id);
  const now = ctx.now().toISOString();
  await ctx.db
    .updateTable('organisation')
    .set({
      name: patch.name ?? org.name,
      archivedAt: applyArchived(org.archivedAt, patch.archived, now).archivedAt,
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
  const [updated] = (await listOrganisations(ctx, actor, org.hostId, true)).filter((o) => o.id === id);
  return updated!;
}
