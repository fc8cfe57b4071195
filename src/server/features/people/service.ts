import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { NewPerson, Person, PersonPatch } from '../../../contract/people.ts';
import type { PersonActor, PersonResource } from '../../../domain/access.ts';
import { applyArchived } from '../../../domain/archiving.ts';
import { audit } from '../../audit/audit.ts';
import { endAllSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { hostResource, personResource } from '../resources.ts';
import { presentPerson } from './present.ts';
import { accountStatuses, hostAdminIds, insertPerson, personQuery, setIdsByPerson } from './queries.ts';

async function assertOrganisationInHost(
  ctx: AppContext,
  hostId: string,
  organisationId: string | null | undefined,
) {
  if (!organisationId) return;
  const org = await ctx.db
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', organisationId)
    .where('hostId', '=', hostId)
    .executeTakeFirst();
  if (!org) {
    throw new Problem('validation-failed', 'The organisation chosen does not exist.', [
      { field: 'body.organisationId', message: 'organisationId does not name an organisation of this host' },
    ]);
  }
}

async function assertEmailFree(ctx: AppContext, hostId: string, email: string, exceptId?: string) {
  let query = ctx.db
    .selectFrom('person')
    .select('id')
    .where('hostId', '=', hostId)
    .where('email', '=', email);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst())
    throw conflict('Someone with the email address {{email}} is already here.', 'body.email', { email });
}

export async function listPeople(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  filter: { search?: string | undefined; organisationId?: string | undefined; includeArchived: boolean },
): Promise<Person[]> {
  authorize(actor, 'person.list', hostResource(hostId));
  let query = personQuery(ctx.db).where('person.hostId', '=', hostId).orderBy('person.name');
  if (!filter.includeArchived) query = query.where('person.archivedAt', 'is', null);
  if (filter.organisationId) query = query.where('person.organisationId', '=', filter.organisationId);
  if (filter.search) {
    const like = `%${filter.search.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['person.name']), 'like', like), eb('person.email', 'like', like)]),
    );
  }
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  const [statuses, sets, admins] = await Promise.all([
    accountStatuses(ctx.db, ids, ctx.now().toISOString()),
    setIdsByPerson(ctx.db, ids),
    hostAdminIds(ctx.db, hostId),
  ]);
  return rows.map((row) => {
    const resource: PersonResource = {
      type: 'person',
      hostId,
      personId: row.id,
      setIds: sets.get(row.id) ?? [],
    };
    const status = row.userId ? 'active' : (statuses.get(row.id) ?? 'not-invited');
    return presentPerson(actor, row, resource, { status, hostAdmin: admins.has(row.id) });
  });
}

export async function getPerson(ctx: AppContext, actor: PersonActor, personId: string): Promise<Person> {
  const resource = await personResource(ctx.db, personId);
  authorize(actor, 'person.read', resource);
  const row = await personQuery(ctx.db).where('person.id', '=', personId).executeTakeFirstOrThrow();
  const statuses = await accountStatuses(ctx.db, [personId], ctx.now().toISOString());
  const admins = await hostAdminIds(ctx.db, row.hostId);
  const status = row.userId ? 'active' : (statuses.get(personId) ?? 'not-invited');
  return presentPerson(actor, row, resource, { status, hostAdmin: admins.has(personId) });
}

/** Adds a person; a time zone or language left out is the host's default. */
export async function createPerson(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  input: NewPerson,
): Promise<Person> {
  authorize(actor, 'person.create', hostResource(hostId));
  await assertOrganisationInHost(ctx, hostId, input.organisationId);
  await assertEmailFree(ctx, hostId, input.email);
  const host = await ctx.db
    .selectFrom('host')
    .select(['defaultTimeZone', 'defaultLanguage'])
    .where('id', '=', hostId)
    .executeTakeFirst();
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await transact(ctx, async (tx) => {
    await insertPerson(tx.db, {
      id,
      hostId,
      name: input.name,
      email: input.email,
      organisationId: input.organisationId,
      jobRole: input.jobRole,
      timeZone: input.timeZone ?? host?.defaultTimeZone ?? 'UTC',
      language: input.language ?? host?.defaultLanguage ?? 'en',
      at: now,
    });
    await audit(tx, {
      hostId,
      by: actor,
      action: 'person.created',
      target: { type: 'person', id, label: `${input.name} <${input.email}>` },
    });
  });
  return getPerson(ctx, actor, id);
}

export async function updatePerson(
  ctx: AppContext,
  actor: PersonActor,
  personId: string,
  patch: PersonPatch,
): Promise<Person> {
  const resource = await personResource(ctx.db, personId);
  authorize(actor, 'person.update', resource);
  if (patch.archived !== undefined) authorize(actor, 'person.archive', resource);
  const current = await ctx.db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!current) throw notFound('person');
  if (patch.email !== undefined && patch.email !== current.email) {
    if (current.userId) {
      throw conflict(
        'This person already has an account, so only they can change its email address.',
        'body.email',
      );
    }
    await assertEmailFree(ctx, current.hostId, patch.email, personId);
  }
  if (patch.organisationId !== undefined)
    await assertOrganisationInHost(ctx, current.hostId, patch.organisationId);
  const now = ctx.now().toISOString();
  const archive = applyArchived(current.archivedAt, patch.archived, now);
  await transact(ctx, async (tx) => {
    await tx.db
      .updateTable('person')
      .set({
        name: patch.name ?? current.name,
        email: patch.email ?? current.email,
        organisationId: patch.organisationId === undefined ? current.organisationId : patch.organisationId,
        jobRole: patch.jobRole ?? current.jobRole,
        timeZone: patch.timeZone ?? current.timeZone,
        language: patch.language ?? current.language,
        archivedAt: archive.archivedAt,
        updatedAt: now,
      })
      .where('id', '=', personId)
      .execute();
    // The account's name follows the person's. The accounts library owns its "user" table (outside the
    // camelCase schema), so it is written in raw SQL, in this same transaction.
    if (patch.name !== undefined && current.userId)
      await sql`update "user" set name = ${patch.name} where id = ${current.userId}`.execute(tx.db);
    if (archive.change)
      await audit(tx, {
        hostId: current.hostId,
        by: actor,
        action: `person.${archive.change}`,
        target: { type: 'person', id: personId, label: `${current.name} <${current.email}>` },
      });
  });
  // An archived person can no longer sign in; their open sessions and live sockets end now. The accounts
  // library ends them on its own connection, so this follows the commit.
  if (archive.change === 'archived' && current.userId) await endAllSessions(ctx, current.userId);
  return getPerson(ctx, actor, personId);
}

/** An admin's "sign this person out": every session ends and every live socket of theirs closes. */
export async function signPersonOut(ctx: AppContext, actor: PersonActor, personId: string) {
  const resource = await personResource(ctx.db, personId);
  authorize(actor, 'person.signOut', resource);
  const person = await ctx.db
    .selectFrom('person')
    .select(['userId', 'name', 'email'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const endedSessions = person.userId ? await endAllSessions(ctx, person.userId) : 0;
  await audit(ctx, {
    hostId: resource.hostId,
    by: actor,
    action: 'person.signedOut',
    target: { type: 'person', id: personId, label: `${person.name} <${person.email}>` },
    details: { endedSessions },
  });
  return { endedSessions };
}

export async function setHostAdmin(
  ctx: AppContext,
  actor: PersonActor,
  personId: string,
  admin: boolean,
): Promise<Person> {
  const resource = await personResource(ctx.db, personId);
  authorize(actor, 'person.manageHostAdmin', resource);
  const target = await ctx.db
    .selectFrom('person')
    .select(['name', 'email'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const record = (tx: AppContext) =>
    audit(tx, {
      hostId: resource.hostId,
      by: actor,
      action: admin ? 'hostAdmin.granted' : 'hostAdmin.revoked',
      target: { type: 'person', id: personId, label: `${target.name} <${target.email}>` },
    });
  if (admin) {
    const exists = await ctx.db
      .selectFrom('hostAdmin')
      .select('personId')
      .where('personId', '=', personId)
      .executeTakeFirst();
    if (!exists) {
      await transact(ctx, async (tx) => {
        await tx.db
          .insertInto('hostAdmin')
          .values({ hostId: resource.hostId, personId, createdAt: ctx.now().toISOString() })
          .execute();
        await record(tx);
      });
    }
  } else {
    await transact(ctx, async (tx) => {
      const removed = await tx.db.deleteFrom('hostAdmin').where('personId', '=', personId).executeTakeFirst();
      if (Number(removed.numDeletedRows) > 0) await record(tx);
    });
  }
  return getPerson(ctx, actor, personId);
}

/** A host admin lets a person start programmes (they coordinate what they start), or stops it. */
export async function setProgrammeStarter(
  ctx: AppContext,
  actor: PersonActor,
  personId: string,
  mayStart: boolean,
): Promise<Person> {
  const resource = await personResource(ctx.db, personId);
  authorize(actor, 'person.manageProgrammeStarter', resource);
  await transact(ctx, async (tx) => {
    const target = await tx.db
      .selectFrom('person')
      .select(['name', 'email', 'mayStartProgrammes'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    if ((Number(target.mayStartProgrammes) === 1) === mayStart) return;
    await tx.db
      .updateTable('person')
      .set({ mayStartProgrammes: mayStart ? 1 : 0, updatedAt: tx.now().toISOString() })
      .where('id', '=', personId)
      .execute();
    await audit(tx, {
      hostId: resource.hostId,
      by: actor,
      action: mayStart ? 'programmeStarter.granted' : 'programmeStarter.revoked',
      target: { type: 'person', id: personId, label: `${target.name} <${target.email}>` },
    });
  });
  return getPerson(ctx, actor, personId);
}
