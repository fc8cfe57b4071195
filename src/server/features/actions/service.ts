import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type * as contract from '../../../contract/actions.ts';
import type { ActionItem, ActionStatus } from '../../../contract/actions.ts';
import { abilitiesFor, can, type PersonActor } from '../../../domain/access.ts';
import { programmeClosed } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound, Problem } from '../../http/problem.ts';
import { precompiled } from '../../store/precompiled.ts';
import type { DB } from '../../store/schema.ts';
import { ownedItemResource, setResource } from '../resources.ts';

function actionQuery(db: Kysely<DB>) {
  return db
    .selectFrom('action')
    .innerJoin('person', 'person.id', 'action.ownerId')
    .innerJoin('learningSet', 'learningSet.id', 'action.setId')
    .innerJoin('programme', 'programme.id', 'learningSet.programmeId')
    .selectAll('action')
    .select([
      'person.name as ownerName',
      'learningSet.name as setName',
      'programme.id as programmeId',
      'programme.name as programmeName',
      'programme.hostId',
      'programme.status as programmeStatus',
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

const actionById = precompiled((db, p: { actionId: string }) =>
  actionQuery(db).where('action.id', '=', p.actionId),
);

const resourceOf = (row: ActionRow) =>
  ({
    type: 'action',
    hostId: row.hostId,
    programmeId: row.programmeId,
    setId: row.setId,
    ownerId: row.ownerId,
    programmeClosed: programmeClosed(row.programmeStatus),
  }) as const;

function present(actor: PersonActor, row: ActionRow): ActionItem {
  return {
    id: row.id,
    text: row.text,
    dueOn: row.dueOn,
    status: row.status,
    outcomeNote: row.outcomeNote,
    owner: { id: row.ownerId, name: row.ownerName },
    set: { id: row.setId, name: row.setName },
    programme: { id: row.programmeId, name: row.programmeName },
    problemId: row.problemId,
    meetingId: row.meetingId,
    reportedInMeetingId: row.reportedInMeetingId,
    createdAt: row.createdAt,
    abilities: abilitiesFor(actor, resourceOf(row)),
  };
}

export async function listSetActions(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  status?: ActionStatus,
) {
  authorize(actor, 'set.readContent', await setResource(ctx.db, setId));
  let query = actionQuery(ctx.db).where('action.setId', '=', setId).orderBy('action.createdAt');
  if (status) query = query.where('action.status', '=', status);
  return (await query.execute()).map((row) => present(actor, row));
}

/** Every action I own, in every set I belong to, across programmes. */
export async function listMyActions(ctx: AppContext, actor: PersonActor) {
  const rows = await actionQuery(ctx.db)
    .where('action.ownerId', '=', actor.personId)
    .orderBy('action.createdAt', 'desc')
    .execute();
  return rows.filter((row) => can(actor, 'action.read', resourceOf(row))).map((row) => present(actor, row));
}

export async function getAction(ctx: AppContext, actor: PersonActor, actionId: string) {
  authorize(actor, 'action.read', await ownedItemResource(ctx.db, 'action', actionId));
  const row = await actionById.takeFirst(ctx.db, { actionId });
  if (!row) throw notFound('action');
  return present(actor, row);
}

/** An open action taken outside a meeting (the room writes its own, with the meeting). */
const insertAction = precompiled(
  (
    db,
    p: {
      id: string;
      setId: string;
      ownerId: string;
      problemId: string | null;
      text: string;
      dueOn: string | null;
      now: string;
    },
  ) =>
    db.insertInto('action').values({
      id: p.id,
      setId: p.setId,
      ownerId: p.ownerId,
      problemId: p.problemId,
      meetingId: null,
      text: p.text,
      dueOn: p.dueOn,
      status: 'open',
      outcomeNote: '',
      reportedInMeetingId: null,
      createdAt: p.now,
      updatedAt: p.now,
    }),
);

export async function createAction(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: z.output<typeof contract.createAction.body>,
) {
  authorize(actor, 'set.writeContent', await setResource(ctx.db, setId));
  if (input.problemId) {
    const problem = await ctx.db
      .selectFrom('problem')
      .select(['ownerId', 'setId'])
      .where('id', '=', input.problemId)
      .executeTakeFirst();
    if (!problem || problem.ownerId !== actor.personId || problem.setId !== setId) {
      throw new Problem(
        'validation-failed',
        'An action can only follow from one of your own problems in this set.',
        [{ field: 'body.problemId', message: 'problemId must name one of your problems in this set' }],
      );
    }
  }
  const id = randomUUID();
  await insertAction.execute(ctx.db, {
    id,
    setId,
    ownerId: actor.personId,
    problemId: input.problemId,
    text: input.text,
    dueOn: input.dueOn,
    now: ctx.now().toISOString(),
  });
  // Read back once: the row carries its own access facts (the same that ownedItemResource would read).
  const row = await actionById.takeFirst(ctx.db, { actionId: id });
  if (!row) throw notFound('action');
  authorize(actor, 'action.read', resourceOf(row));
  return present(actor, row);
}

export async function updateAction(
  ctx: AppContext,
  actor: PersonActor,
  actionId: string,
  patch: z.output<typeof contract.updateAction.body>,
) {
  authorize(actor, 'action.update', await ownedItemResource(ctx.db, 'action', actionId));
  const current = await ctx.db
    .selectFrom('action')
    .selectAll()
    .where('id', '=', actionId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('action')
    .set({
      text: patch.text ?? current.text,
      dueOn: patch.dueOn === undefined ? current.dueOn : patch.dueOn,
      status: patch.status ?? current.status,
      outcomeNote: patch.outcomeNote ?? current.outcomeNote,
      updatedAt: ctx.now().toISOString(),
    })
    .where('id', '=', actionId)
    .execute();
  return getAction(ctx, actor, actionId);
}
