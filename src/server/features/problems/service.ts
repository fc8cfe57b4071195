import { randomUUID } from 'node:crypto';
import {
  type Actor,
  abilitiesFor,
  type OwnedItemResource,
  type PersonActor,
} from '../../../domain/access.ts';
import {
  type IntakeAnswers,
  intakeConcerns,
  type ProblemKind,
  type ProblemStatus,
} from '../../../domain/problems.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import type { ProblemTable } from '../../store/schema.ts';
import { ownedItemResource, setResource } from '../resources.ts';

export interface ProblemInput {
  title: string;
  story: string;
  kind: ProblemKind;
  intake: IntakeAnswers;
}

function present(
  viewer: Actor,
  row: ProblemTable & { owner_name: string },
  resource: OwnedItemResource,
  versions: { id: string; statement: string; meeting_id: string | null; created_at: string }[],
) {
  const intake = JSON.parse(row.intake_json) as IntakeAnswers;
  return {
    id: row.id,
    setId: row.set_id,
    owner: { id: row.owner_id, name: row.owner_name },
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
      meetingId: v.meeting_id,
      at: v.created_at,
    })),
    createdAt: row.created_at,
    abilities: abilitiesFor(viewer, resource),
  };
}

async function load(ctx: AppContext, actor: PersonActor, problemIds: string[]) {
  if (problemIds.length === 0) return [];
  const rows = await ctx.store.plain
    .selectFrom('problem')
    .innerJoin('person', 'person.id', 'problem.owner_id')
    .selectAll('problem')
    .select('person.name as owner_name')
    .where('problem.id', 'in', problemIds)
    .orderBy('problem.created_at')
    .execute();
  const versions = await ctx.store.plain
    .selectFrom('problem_version')
    .select(['id', 'problem_id', 'statement', 'meeting_id', 'created_at'])
    .where('problem_id', 'in', problemIds)
    .orderBy('created_at')
    .execute();
  const set = rows[0] ? await setResource(ctx.store.plain, rows[0].set_id) : undefined;
  return rows.map((row) => {
    const resource: OwnedItemResource = {
      type: 'problem',
      hostId: set!.hostId,
      programmeId: set!.programmeId,
      setId: row.set_id,
      ownerId: row.owner_id,
    };
    return present(
      actor,
      row,
      resource,
      versions.filter((v) => v.problem_id === row.id),
    );
  });
}

export async function listProblems(ctx: AppContext, actor: PersonActor, setId: string) {
  authorize(actor, 'set.readContent', await setResource(ctx.store.plain, setId));
  const ids = await ctx.store.plain.selectFrom('problem').select('id').where('set_id', '=', setId).execute();
  return load(
    ctx,
    actor,
    ids.map((r) => r.id),
  );
}

export async function getProblem(ctx: AppContext, actor: PersonActor, problemId: string) {
  authorize(actor, 'problem.read', await ownedItemResource(ctx.store.plain, 'problem', problemId));
  const [problem] = await load(ctx, actor, [problemId]);
  return problem!;
}

export async function createProblem(ctx: AppContext, actor: PersonActor, setId: string, input: ProblemInput) {
  authorize(actor, 'problem.create', await setResource(ctx.store.plain, setId));
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.plain.transaction().execute(async (trx) => {
    await trx
      .insertInto('problem')
      .values({
        id,
        set_id: setId,
        owner_id: actor.personId,
        title: input.title,
        story: input.story,
        kind: input.kind,
        status: 'open',
        intake_json: JSON.stringify(input.intake),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('problem_version')
      .values({ id: randomUUID(), problem_id: id, statement: input.story, meeting_id: null, created_at: now })
      .execute();
  });
  return getProblem(ctx, actor, id);
}

export async function updateProblem(
  ctx: AppContext,
  actor: PersonActor,
  problemId: string,
  patch: Partial<Omit<ProblemInput, 'intake'>> & {
    status?: ProblemStatus | undefined;
    intake?: IntakeAnswers | undefined;
  },
) {
  authorize(actor, 'problem.update', await ownedItemResource(ctx.store.plain, 'problem', problemId));
  const current = await ctx.store.plain
    .selectFrom('problem')
    .selectAll()
    .where('id', '=', problemId)
    .executeTakeFirstOrThrow();
  await ctx.store.plain
    .updateTable('problem')
    .set({
      title: patch.title ?? current.title,
      story: patch.story ?? current.story,
      kind: patch.kind ?? current.kind,
      status: patch.status ?? current.status,
      intake_json: patch.intake ? JSON.stringify(patch.intake) : current.intake_json,
      updated_at: ctx.now().toISOString(),
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
  authorize(actor, 'problem.update', await ownedItemResource(ctx.store.plain, 'problem', problemId));
  const now = ctx.now().toISOString();
  await ctx.store.plain
    .insertInto('problem_version')
    .values({ id: randomUUID(), problem_id: problemId, statement, meeting_id: meetingId, created_at: now })
    .execute();
  return getProblem(ctx, actor, problemId);
}
