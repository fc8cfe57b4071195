import { randomUUID } from 'node:crypto';
import { abilitiesFor, can, type PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import type { ActionStatus } from '../../store/schema.ts';
import { ownedItemResource, setResource } from '../resources.ts';

function actionQuery(ctx: AppContext) {
  return ctx.store.plain
    .selectFrom('action')
    .innerJoin('person', 'person.id', 'action.owner_id')
    .innerJoin('learning_set', 'learning_set.id', 'action.set_id')
    .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
    .selectAll('action')
    .select([
      'person.name as owner_name',
      'learning_set.name as set_name',
      'programme.id as programme_id',
      'programme.name as programme_name',
      'programme.host_id',
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

function present(actor: PersonActor, row: ActionRow) {
  const resource = {
    type: 'action',
    hostId: row.host_id,
    programmeId: row.programme_id,
    setId: row.set_id,
    ownerId: row.owner_id,
  } as const;
  return {
    id: row.id,
    text: row.text,
    dueOn: row.due_on,
    status: row.status,
    outcomeNote: row.outcome_note,
    owner: { id: row.owner_id, name: row.owner_name },
    set: { id: row.set_id, name: row.set_name },
    programme: { id: row.programme_id, name: row.programme_name },
    problemId: row.problem_id,
    meetingId: row.meeting_id,
    reportedInMeetingId: row.reported_in_meeting_id,
    createdAt: row.created_at,
    abilities: abilitiesFor(actor, resource),
  };
}

export async function listSetActions(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  status?: ActionStatus,
) {
  authorize(actor, 'set.readContent', await setResource(ctx.store.plain, setId));
  let query = actionQuery(ctx).where('action.set_id', '=', setId).orderBy('action.created_at');
  if (status) query = query.where('action.status', '=', status);
  return (await query.execute()).map((row) => present(actor, row));
}

/** Every action I own, in every set I belong to, across programmes. */
export async function listMyActions(ctx: AppContext, actor: PersonActor) {
  const rows = await actionQuery(ctx)
    .where('action.owner_id', '=', actor.personId)
    .orderBy('action.created_at', 'desc')
    .execute();
  return rows
    .filter((row) =>
      can(actor, 'action.read', {
        type: 'action',
        hostId: row.host_id,
        programmeId: row.programme_id,
        setId: row.set_id,
        ownerId: row.owner_id,
      }),
    )
    .map((row) => present(actor, row));
}

export async function getAction(ctx: AppContext, actor: PersonActor, actionId: string) {
  authorize(actor, 'action.read', await ownedItemResource(ctx.store.plain, 'action', actionId));
  return present(actor, await actionQuery(ctx).where('action.id', '=', actionId).executeTakeFirstOrThrow());
}

export async function createAction(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: { text: string; dueOn: string | null; problemId: string | null },
) {
  authorize(actor, 'set.writeContent', await setResource(ctx.store.plain, setId));
  if (input.problemId) {
    const problem = await ctx.store.plain
      .selectFrom('problem')
      .select(['owner_id', 'set_id'])
      .where('id', '=', input.problemId)
      .executeTakeFirst();
    if (!problem || problem.owner_id !== actor.personId || problem.set_id !== setId) {
      throw new Problem(
        'validation-failed',
        'An action can only follow from one of your own problems in this set.',
        [{ field: 'body.problemId', message: 'problemId must name one of your problems in this set' }],
      );
    }
  }
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.plain
    .insertInto('action')
    .values({
      id,
      set_id: setId,
      owner_id: actor.personId,
      problem_id: input.problemId,
      meeting_id: null,
      text: input.text,
      due_on: input.dueOn,
      status: 'open',
      outcome_note: '',
      reported_in_meeting_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getAction(ctx, actor, id);
}

export async function updateAction(
  ctx: AppContext,
  actor: PersonActor,
  actionId: string,
  patch: {
    text?: string | undefined;
    dueOn?: string | null | undefined;
    status?: ActionStatus | undefined;
    outcomeNote?: string | undefined;
  },
) {
  authorize(actor, 'action.update', await ownedItemResource(ctx.store.plain, 'action', actionId));
  const current = await ctx.store.plain
    .selectFrom('action')
    .selectAll()
    .where('id', '=', actionId)
    .executeTakeFirstOrThrow();
  await ctx.store.plain
    .updateTable('action')
    .set({
      text: patch.text ?? current.text,
      due_on: patch.dueOn === undefined ? current.due_on : patch.dueOn,
      status: patch.status ?? current.status,
      outcome_note: patch.outcomeNote ?? current.outcome_note,
      updated_at: ctx.now().toISOString(),
    })
    .where('id', '=', actionId)
    .execute();
  return getAction(ctx, actor, actionId);
}
