import { randomUUID } from 'node:crypto';
import { can, type PersonActor, type SetRole } from '../../../domain/access.ts';
import type { SetMode } from '../../../domain/programme.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { programmeResource, setResource } from '../resources.ts';
import { presentSet } from './present.ts';
import { rosters } from './queries.ts';

export interface SetInput {
  name: string;
  theme: string;
  mode: SetMode;
}

async function programmeFacts(ctx: AppContext, programmeId: string) {
  return ctx.store.plain
    .selectFrom('programme')
    .select(['id', 'name', 'host_id', 'min_set_size', 'max_set_size'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
}

/** The sets of a programme that this viewer may see (coordinators: all; members: their own). */
export async function listSets(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const programme = await programmeFacts(ctx, programmeId);
  const rows = await ctx.store.plain
    .selectFrom('learning_set')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('name')
    .execute();
  const visible = rows.filter((row) =>
    can(actor, 'set.readRoster', { type: 'set', hostId: programme.host_id, programmeId, setId: row.id }),
  );
  const byId = await rosters(
    ctx.store.plain,
    visible.map((r) => r.id),
  );
  return visible.map((row) => presentSet(actor, row, programme, byId.get(row.id) ?? []));
}

export async function getSet(ctx: AppContext, actor: PersonActor, setId: string) {
  const resource = await setResource(ctx.store.plain, setId);
  authorize(actor, 'set.readRoster', resource);
  const row = await ctx.store.plain
    .selectFrom('learning_set')
    .selectAll()
    .where('id', '=', setId)
    .executeTakeFirstOrThrow();
  const programme = await programmeFacts(ctx, row.programme_id);
  const roster = (await rosters(ctx.store.plain, [setId])).get(setId) ?? [];
  return presentSet(actor, row, programme, roster);
}

export async function createSet(ctx: AppContext, actor: PersonActor, programmeId: string, input: SetInput) {
  authorize(actor, 'set.create', await programmeResource(ctx.store.plain, programmeId));
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.plain
    .insertInto('learning_set')
    .values({ id, programme_id: programmeId, ...input, archived_at: null, created_at: now, updated_at: now })
    .execute();
  return getSet(ctx, actor, id);
}

export async function updateSet(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  patch: Partial<SetInput> & { archived?: boolean | undefined },
) {
  const resource = await setResource(ctx.store.plain, setId);
  authorize(actor, 'set.update', resource);
  if (patch.archived !== undefined) authorize(actor, 'set.archive', resource);
  const current = await ctx.store.plain
    .selectFrom('learning_set')
    .selectAll()
    .where('id', '=', setId)
    .executeTakeFirstOrThrow();
  if (patch.mode === 'self_facilitated' && current.mode === 'facilitated') {
    const facilitator = await ctx.store.plain
      .selectFrom('set_membership')
      .select('person_id')
      .where('set_id', '=', setId)
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
  await ctx.store.plain
    .updateTable('learning_set')
    .set({
      name: patch.name ?? current.name,
      theme: patch.theme ?? current.theme,
      mode: patch.mode ?? current.mode,
      archived_at:
        patch.archived === undefined
          ? current.archived_at
          : patch.archived
            ? (current.archived_at ?? now)
            : null,
      updated_at: now,
    })
    .where('id', '=', setId)
    .execute();
  return getSet(ctx, actor, setId);
}

async function assertRoleFits(ctx: AppContext, setId: string, role: SetRole) {
  if (role !== 'facilitator') return;
  const set = await ctx.store.plain
    .selectFrom('learning_set')
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
) {
  const resource = await setResource(ctx.store.plain, setId);
  authorize(actor, 'set.manageMembers', resource);
  const person = await ctx.store.plain
    .selectFrom('person')
    .select(['id', 'name', 'archived_at'])
    .where('id', '=', personId)
    .where('host_id', '=', resource.hostId)
    .executeTakeFirst();
  if (!person) {
    throw new Problem('validation-failed', 'The person chosen does not exist.', [
      { field: 'body.personId', message: 'personId does not name a person of this host' },
    ]);
  }
  if (person.archived_at) throw conflict(`${person.name} is archived; restore them first.`, 'body.personId');
  await assertRoleFits(ctx, setId, role);
  const existing = await ctx.store.plain
    .selectFrom('set_membership')
    .select('role')
    .where('set_id', '=', setId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (existing) throw conflict(`${person.name} is already in this set.`, 'body.personId');
  await ctx.store.plain
    .insertInto('set_membership')
    .values({ set_id: setId, person_id: personId, role, created_at: ctx.now().toISOString() })
    .execute();
  return getSet(ctx, actor, setId);
}

export async function changeMemberRole(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  personId: string,
  role: SetRole,
) {
  authorize(actor, 'set.manageMembers', await setResource(ctx.store.plain, setId));
  await assertRoleFits(ctx, setId, role);
  const result = await ctx.store.plain
    .updateTable('set_membership')
    .set({ role })
    .where('set_id', '=', setId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Problem('not-found', 'This person is not in this set.');
  return getSet(ctx, actor, setId);
}

export async function removeMember(ctx: AppContext, actor: PersonActor, setId: string, personId: string) {
  authorize(actor, 'set.manageMembers', await setResource(ctx.store.plain, setId));
  const result = await ctx.store.plain
    .deleteFrom('set_membership')
    .where('set_id', '=', setId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new Problem('not-found', 'This person is not in this set.');
  // Anyone leaving a set loses its live rooms at once, on every server process.
  ctx.bus.publish({ kind: 'revoke', setId, personId });
  return getSet(ctx, actor, setId);
}
