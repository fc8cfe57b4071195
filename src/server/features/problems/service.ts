import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../contract/problems.ts';
import type { ProblemItem } from '../../../contract/problems.ts';
import {
  type Actor,
  abilitiesFor,
  type OwnedItemResource,
  type PersonActor,
} from '../../../domain/access.ts';
import { type IntakeAnswers, intakeConcerns } from '../../../domain/problems.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { ownedItemResource, setResource } from '../resources.ts';

export type ProblemInput = z.output<typeof contract.createProblem.body>;
export type ProblemPatch = z.output<typeof contract.updateProblem.body>;

function present(
  viewer: Actor,
  row: DB['problem'] & { ownerName: string },
  resource: OwnedItemResource,
  versions: { id: string; statement: string; meetingId: string | null; createdAt: string }[],
): ProblemItem {
  const intake = JSON.parse(row.intakeJson) as IntakeAnswers;
  return {
    id: row.id,
    setId: row.setId,
    owner: { id: row.ownerId, name: row.ownerName },
    title: row.title,
    story: row.story,
    kind: row.kind,
    status: row.status,
    intake,
    intakeConcerns: intakeConcerns(intake),
    statement: versions.at(-1)?.statement ?? row.story,
    history: versions.map((v) => ({
      id: v.id,
      statement: v.statement,
      meetingId: v.meetingId,
      at: v.createdAt,
    })),
    createdAt: row.createdAt,
    abilities: abilitiesFor(viewer, resource),
  };
}

async function load(ctx: AppContext, actor: PersonActor, problemIds: string[]): Promise<ProblemItem[]> {
  if (problemIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('problem')
    .innerJoin('person', 'person.id', 'problem.ownerId')
    .selectAll('problem')
    .select('person.name as ownerName')
    .where('problem.id', 'in', problemIds)
    .orderBy('problem.createdAt')
    .execute();
  const versions = await ctx.db
    .selectFrom('problemVersion')
    .select(['id', 'problemId', 'statement', 'meetingId', 'createdAt'])
    .where('problemId', 'in', problemIds)
    .orderBy('createdAt')
    .execute();
  const set = rows[0] ? await setResource(ctx.db, rows[0].setId) : undefined;
  return rows.map((row) => {
    const resource: OwnedItemResource = {
      type: 'problem',
      hostId: set!.hostId,
      programmeId: set!.programmeId,
      setId: row.setId,
      ownerId: row.ownerId,
    };
    return present(
      actor,
      row,
      resource,
      versions.filter((v) => v.problemId === row.id),
    );
  });
}

export async function listProblems(ctx: AppContext, actor: PersonActor, setId: string) {
  authorize(actor, 'set.readContent', await setResource(ctx.db, setId));
  const ids = await ctx.db.selectFrom('problem').select('id').where('setId', '=', setId).execute();
  return load(
    ctx,
    actor,
    ids.map((r) => r.id),
  );
}

export async function getProblem(ctx: AppContext, actor: PersonActor, problemId: string) {
  authorize(actor, 'problem.read', await ownedItemResource(ctx.db, 'problem', problemId));
  const [problem] = await load(ctx, actor, [problemId]);
  return problem!;
}

export async function createProblem(ctx: AppContext, actor: PersonActor, setId: string, input: ProblemInput) {
  authorize(actor, 'problem.create', await setResource(ctx.db, setId));
  const now = ctx.now().toISOString();
  const id = randomUUID();
  // The problem and its first statement exist together or not at all.
  await transact(ctx, async (tx) => {
    await tx.db
      .insertInto('problem')
      .values({
        id,
        setId,
        ownerId: actor.personId,
        title: input.title,
        story: input.story,
        kind: input.kind,
        status: 'open',
        intakeJson: JSON.stringify(input.intake),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await tx.db
      .insertInto('problemVersion')
      .values({ id: randomUUID(), problemId: id, statement: input.story, meetingId: null, createdAt: now })
      .execute();
  });
  return getProblem(ctx, actor, id);
}

export async function updateProblem(
  ctx: AppContext,
  actor: PersonActor,
  problemId: string,
  patch: ProblemPatch,
) {
  authorize(actor, 'problem.update', await ownedItemResource(ctx.db, 'problem', problemId));
  const current = await ctx.db
    .selectFrom('problem')
    .selectAll()
    .where('id', '=', problemId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('problem')
    .set({
      title: patch.title ?? current.title,
      story: patch.story ?? current.story,
      kind: patch.kind ?? current.kind,
      status: patch.status ?? current.status,
      intakeJson: patch.intake ? JSON.stringify(patch.intake) : current.intakeJson,
      updatedAt: ctx.now().toISOString(),
    })
    .where('id', '=', problemId)
    .execute();
  return getProblem(ctx, actor, problemId);
}

/** A reframe: the problem as its owner sees it now. Every version is kept, so the history shows the learning. */
export async function reframeProblem(
  ctx: AppContext,
  actor: PersonActor,
  problemId: string,
  statement: string,
  meetingId: string | null = null,
) {
  authorize(actor, 'problem.update', await ownedItemResource(ctx.db, 'problem', problemId));
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('problemVersion')
    .values({ id: randomUUID(), problemId, statement, meetingId, createdAt: now })
    .execute();
  return getProblem(ctx, actor, problemId);
}
