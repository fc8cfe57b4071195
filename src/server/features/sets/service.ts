import { randomUUID } from 'node:crypto';
import type { LearningSet, NewSet, SetPatch } from '../../../contract/sets.ts';
import { can, type PersonActor, type SetRole } from '../../../domain/access.ts';
import { applyArchived } from '../../../domain/archiving.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { precompiled } from '../../store/precompiled.ts';
import { transact } from '../../transact.ts';
import { programmeResource, setResource } from '../resources.ts';
import { type ProgrammeFacts, presentSet } from './present.ts';
import { rosterOf, rosters } from './queries.ts';

async function programmeFacts(ctx: AppContext, programmeId: string): Promise<ProgrammeFacts> {
  return ctx.db
    .selectFrom('programme')
    .select(['id', 'name', 'hostId', 'minSetSize', 'maxSetSize', 'status'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
}

/** The sets of a programme that this viewer may see (coordinators: all; members: their own). */
export async function listSets(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<LearningSet[]> {
  authorize(actor, 'programme.read', await programmeResource(ctx.db, programmeId));
  const programme = await programmeFacts(ctx, programmeId);
  const rows = await ctx.db
    .selectFrom('learningSet')
    .selectAll()
    .where('programmeId', '=', programmeId)
    .orderBy('name')
    .execute();
  const visible = rows.filter((row) =>
    can(actor, 'set.readRoster', { type: 'set', hostId: programme.hostId, programmeId, setId: row.id }),
  );
  const byId = await rosters(
    ctx.db,
    visible.map((r) => r.id),
  );
  return visible.map((row) => presentSet(actor, row, programme, byId.get(row.id) ?? []));
}

const setRow = precompiled((db, p: { setId: string }) =>
  db.selectFrom('learningSet').selectAll().where('id', '=', p.setId),
);
const programmeOfSet = precompiled((db, p: { programmeId: string }) =>
  db
    .selectFrom('programme')
    .select(['id', 'name', 'hostId', 'minSetSize', 'maxSetSize', 'status'])
    .where('id', '=', p.programmeId),
);

/** A set's page: after the access check, its row, programme and roster are read together. */
export async function getSet(ctx: AppContext, actor: PersonActor, setId: string): Promise<LearningSet> {
  const resource = await setResource(ctx.db, setId);
  authorize(actor, 'set.readRoster', resource);
  const [row, programme, roster] = await Promise.all([
    setRow.takeFirst(ctx.db, { setId }),
    programmeOfSet.takeFirst(ctx.db, { programmeId: resource.programmeId }),
    rosterOf(ctx.db, setId),
  ]);
  if (!row || !programme) throw notFound('set');
  return presentSet(actor, row, programme, roster);
}

export async function createSet(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: NewSet,
): Promise<LearningSet> {
  authorize(actor, 'set.create', await programmeResource(ctx.db, programmeId));
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.db
    .insertInto('learningSet')
    .values({
      id,
      programmeId,
      name: input.name,
      theme: input.theme,
      mode: input.mode,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return getSet(ctx, actor, id);
}

export async function updateSet(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  patch: SetPatch,
): Promise<LearningSet> {
  const resource = await setResource(ctx.db, setId);
  authorize(actor, 'set.update', resource);
  if (patch.archived !== undefined) authorize(actor, 'set.archive', resource);
  const current = await ctx.db
    .selectFrom('learningSet')
    .selectAll()
    .where('id', '=', setId)
    .executeTakeFirstOrThrow();
  if (patch.mode === 'self_facilitated' && current.mode === 'facilitated') {
    const facilitator = await ctx.db
      .selectFrom('setMembership')
      .select('personId')
      .where('setId', '=', setId)
      .where('role', '=', 'facilitator')
      .executeTakeFirst();
    if (facilitator) {
      throw conflict(
        'A self-facilitated set has no facilitator: make the facilitator a member or remove them first.',
        'body.mode',
      );
    }
  }
  const now = ctx.now().toISOString();
  const archive = applyArchived(current.archivedAt, patch.archived, now);
  await transact(ctx, async (tx) => {
    await tx.db
      .updateTable('learningSet')
      .set({
        name: patch.name ?? current.name,
        theme: patch.theme ?? current.theme,
        mode: patch.mode ?? current.mode,
        archivedAt: archive.archivedAt,
        updatedAt: now,
      })
      .where('id', '=', setId)
      .execute();
    if (archive.change)
      await audit(tx, {
        hostId: resource.hostId,
        by: actor,
        action: `set.${archive.change}`,
        target: { type: 'set', id: setId, label: patch.name ?? current.name },
        details: { programmeId: resource.programmeId },
      });
  });
  return getSet(ctx, actor, setId);
}

/** Records a change to who is in a set and in what role (facilitators included), in the caller's transaction. */
async function auditMembership(
  tx: AppContext,
  actor: PersonActor,
  resource: { hostId: string; programmeId: string; setId: string },
  person: { id: string; name: string },
  action: 'membership.added' | 'membership.roleChanged' | 'membership.removed',
  role: SetRole | null,
) {
  const set = await tx.db
    .selectFrom('learningSet')
    .select('name')
    .where('id', '=', resource.setId)
    .executeTakeFirst();
  await audit(tx, {
    hostId: resource.hostId,
    by: actor,
    action,
    target: { type: 'person', id: person.id, label: person.name },
    details: { setId: resource.setId, set: set?.name ?? null, programmeId: resource.programmeId, role },
  });
}

async function personName(ctx: AppContext, personId: string) {
  const row = await ctx.db.selectFrom('person').select('name').where('id', '=', personId).executeTakeFirst();
  return { id: personId, name: row?.name ?? personId };
}

async function assertRoleFits(ctx: AppContext, setId: string, role: SetRole) {
  if (role !== 'facilitator') return;
  const set = await ctx.db
    .selectFrom('learningSet')
    .select('mode')
    .where('id', '=', setId)
    .executeTakeFirstOrThrow();
  if (set.mode === 'self_facilitated') {
    throw conflict(
      'This set is self-facilitated: its members take turns to chair. Change its mode to add a facilitator.',
      'body.role',
    );
  }
}

export async function addMember(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  personId: string,
  role: SetRole,
): Promise<LearningSet> {
  const resource = await setResource(ctx.db, setId);
  authorize(actor, 'set.manageMembers', resource);
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'name', 'archivedAt'])
    .where('id', '=', personId)
    .where('hostId', '=', resource.hostId)
    .executeTakeFirst();
  if (!person) {
    throw new Problem('validation-failed', 'The person chosen does not exist.', [
      { field: 'body.personId', message: 'personId does not name a person of this host' },
    ]);
  }
  if (person.archivedAt)
    throw conflict('{{name}} is archived; restore them first.', 'body.personId', { name: person.name });
  await assertRoleFits(ctx, setId, role);
  const existing = await ctx.db
    .selectFrom('setMembership')
    .select('role')
    .where('setId', '=', setId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  if (existing) throw conflict('{{name}} is already in this set.', 'body.personId', { name: person.name });
  await transact(ctx, async (tx) => {
    await tx.db
      .insertInto('setMembership')
      .values({ setId, personId, role, createdAt: ctx.now().toISOString() })
      .execute();
    await auditMembership(tx, actor, resource, person, 'membership.added', role);
  });
  return getSet(ctx, actor, setId);
}

export async function changeMemberRole(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  personId: string,
  role: SetRole,
): Promise<LearningSet> {
  const resource = await setResource(ctx.db, setId);
  authorize(actor, 'set.manageMembers', resource);
  await assertRoleFits(ctx, setId, role);
  const person = await personName(ctx, personId);
  await transact(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('setMembership')
      .set({ role })
      .where('setId', '=', setId)
      .where('personId', '=', personId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new Problem('not-found', 'This person is not in this set.');
    await auditMembership(tx, actor, resource, person, 'membership.roleChanged', role);
  });
  return getSet(ctx, actor, setId);
}

export async function removeMember(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  personId: string,
): Promise<LearningSet> {
  const resource = await setResource(ctx.db, setId);
  authorize(actor, 'set.manageMembers', resource);
  const person = await personName(ctx, personId);
  await transact(ctx, async (tx) => {
    const membership = await tx.db
      .selectFrom('setMembership')
      .select('role')
      .where('setId', '=', setId)
      .where('personId', '=', personId)
      .executeTakeFirst();
    const result = await tx.db
      .deleteFrom('setMembership')
      .where('setId', '=', setId)
      .where('personId', '=', personId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
      throw new Problem('not-found', 'This person is not in this set.');
    await auditMembership(tx, actor, resource, person, 'membership.removed', membership?.role ?? null);
  });
  // Anyone leaving a set loses its live rooms at once, on every server process: once the change is kept.
  ctx.afterCommit(() => ctx.bus.publish({ kind: 'revoke', setId, personId }));
  return getSet(ctx, actor, setId);
}
