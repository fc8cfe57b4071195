import { randomUUID } from 'node:crypto';
import type { PersonActor, PersonResource } from '../../../domain/access.ts';
import { endAllSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { hostResource, personResource } from '../resources.ts';
import { presentPerson } from './present.ts';
import { accountStatuses, hostAdminIds, personQuery, setIdsByPerson } from './queries.ts';

export interface PersonInput {
  name: string;
  email: string;
  organisationId: string | null;
  jobRole: string;
  timeZone: string;
  language: string;
}

export type PersonPatch = Partial<PersonInput> & { archived?: boolean };

async function assertOrganisationInHost(
  ctx: AppContext,
  hostId: string,
  organisationId: string | null | undefined,
) {
  if (!organisationId) return;
  const org = await ctx.store.plain
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', organisationId)
    .where('host_id', '=', hostId)
    .executeTakeFirst();
  if (!org) {
    throw new Problem('validation-failed', 'The organisation chosen does not exist.', [
      { field: 'body.organisationId', message: 'organisationId does not name an organisation of this host' },
    ]);
  }
}

async function assertEmailFree(ctx: AppContext, hostId: string, email: string, exceptId?: string) {
  let query = ctx.store.plain
    .selectFrom('person')
    .select('id')
    .where('host_id', '=', hostId)
    .where('email', '=', email);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst())
    throw conflict(`Someone with the email address ${email} is already here.`, 'body.email');
}

export async function listPeople(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  filter: { search?: string | undefined; organisationId?: string | undefined; includeArchived: boolean },
) {
  authorize(actor, 'person.list', hostResource(hostId));
  let query = personQuery(ctx.store.plain).where('person.host_id', '=', hostId).orderBy('person.name');
  if (!filter.includeArchived) query = query.where('person.archived_at', 'is', null);
  if (filter.organisationId) query = query.where('person.organisation_id', '=', filter.organisationId);
  if (filter.search) {
    const like = `%${filter.search.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['person.name']), 'like', like), eb('person.email', 'like', like)]),
    );
  }
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  const [statuses, sets, admins] = await Promise.all([
    accountStatuses(ctx.store.plain, ids, ctx.now().toISOString()),
    setIdsByPerson(ctx.store.plain, ids),
    hostAdminIds(ctx.store.plain, hostId),
  ]);
  return rows.map((row) => {
    const resource: PersonResource = {
      type: 'person',
      hostId,
      personId: row.id,
      setIds: sets.get(row.id) ?? [],
    };
    const status = row.user_id ? 'active' : (statuses.get(row.id) ?? 'not-invited');
    return presentPerson(actor, row, resource, { status, hostAdmin: admins.has(row.id) });
  });
}

export async function getPerson(ctx: AppContext, actor: PersonActor, personId: string) {
  const resource = await personResource(ctx.store.plain, personId);
  authorize(actor, 'person.read', resource);
  const row = await personQuery(ctx.store.plain).where('person.id', '=', personId).executeTakeFirstOrThrow();
  const statuses = await accountStatuses(ctx.store.plain, [personId], ctx.now().toISOString());
  const admins = await hostAdminIds(ctx.store.plain, row.host_id);
  const status = row.user_id ? 'active' : (statuses.get(personId) ?? 'not-invited');
  return presentPerson(actor, row, resource, { status, hostAdmin: admins.has(personId) });
}

export async function createPerson(ctx: AppContext, actor: PersonActor, hostId: string, input: PersonInput) {
  authorize(actor, 'person.create', hostResource(hostId));
  await assertOrganisationInHost(ctx, hostId, input.organisationId);
  await assertEmailFree(ctx, hostId, input.email);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.plain
    .insertInto('person')
    .values({
      id,
      host_id: hostId,
      user_id: null,
      name: input.name,
      email: input.email,
      organisation_id: input.organisationId,
      job_role: input.jobRole,
      time_zone: input.timeZone,
      language: input.language,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getPerson(ctx, actor, id);
}

export async function updatePerson(
  ctx: AppContext,
  actor: PersonActor,
  personId: string,
  patch: PersonPatch,
) {
  const resource = await personResource(ctx.store.plain, personId);
  authorize(actor, 'person.update', resource);
  if (patch.archived !== undefined) authorize(actor, 'person.archive', resource);
  const current = await ctx.store.plain
    .selectFrom('person')
    .selectAll()
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!current) throw notFound('person');
  if (patch.email !== undefined && patch.email !== current.email) {
    if (current.user_id) {
      throw conflict(
        'This person already has an account, so only they can change its email address.',
        'body.email',
      );
    }
    await assertEmailFree(ctx, current.host_id, patch.email, personId);
  }
  if (patch.organisationId !== undefined)
    await assertOrganisationInHost(ctx, current.host_id, patch.organisationId);
  const now = ctx.now().toISOString();
  await ctx.store.plain
    .updateTable('person')
    .set({
      name: patch.name ?? current.name,
      email: patch.email ?? current.email,
      organisation_id: patch.organisationId === undefined ? current.organisation_id : patch.organisationId,
      job_role: patch.jobRole ?? current.job_role,
      time_zone: patch.timeZone ?? current.time_zone,
      language: patch.language ?? current.language,
      archived_at:
        patch.archived === undefined
          ? current.archived_at
          : patch.archived
            ? (current.archived_at ?? now)
            : null,
      updated_at: now,
    })
    .where('id', '=', personId)
    .execute();
  // An archived person can no longer sign in; their open sessions and live sockets end now.
  if (patch.archived === true && current.archived_at === null && current.user_id)
    await endAllSessions(ctx, current.user_id);
  if (patch.name !== undefined && current.user_id) {
    await ctx.store.plain
      .updateTable('user')
      .set({ name: patch.name })
      .where('id', '=', current.user_id)
      .execute();
  }
  return getPerson(ctx, actor, personId);
}

/** An admin's "sign this person out": every session ends and every live socket of theirs closes. */
export async function signPersonOut(ctx: AppContext, actor: PersonActor, personId: string) {
  const resource = await personResource(ctx.store.plain, personId);
  authorize(actor, 'person.signOut', resource);
  const person = await ctx.store.plain
    .selectFrom('person')
    .select('user_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return { endedSessions: person.user_id ? await endAllSessions(ctx, person.user_id) : 0 };
}

export async function setHostAdmin(ctx: AppContext, actor: PersonActor, personId: string, admin: boolean) {
  const resource = await personResource(ctx.store.plain, personId);
  authorize(actor, 'person.manageHostAdmin', resource);
  if (admin) {
    const exists = await ctx.store.plain
      .selectFrom('host_admin')
      .select('person_id')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!exists) {
      await ctx.store.plain
        .insertInto('host_admin')
        .values({ host_id: resource.hostId, person_id: personId, created_at: ctx.now().toISOString() })
        .execute();
    }
  } else {
    await ctx.store.plain.deleteFrom('host_admin').where('person_id', '=', personId).execute();
  }
  return getPerson(ctx, actor, personId);
}
