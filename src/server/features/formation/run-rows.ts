import type { Selectable } from 'kysely';
import type { FormationRun } from '../../../contract/formation.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { type Assignment, type FormationInput, scoreAssignment } from '../../../domain/grouping/index.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { programmeOf } from '../enrolment/service.ts';

export type RunRow = Selectable<DB['formationRun']>;

export function present(run: RunRow): FormationRun {
  const input = JSON.parse(run.inputJson) as FormationInput;
  const assignment = JSON.parse(run.assignmentJson) as Assignment;
  const result = scoreAssignment(input, assignment);
  return {
    id: run.id,
    programmeId: run.programmeId,
    status: run.status,
    seed: run.seed,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    publishedAt: run.publishedAt,
    people: input.participants.map((p) => ({
      id: p.id,
      name: p.name ?? p.id,
      organisation: p.organisation,
      role: p.role ?? '',
      facilitator: p.facilitator === true,
    })),
    ...result,
    notices: JSON.parse(run.noticesJson) as string[],
    // The engine's input, so the coordinator's browser rescores a hand move at once with the same
    // scoreAssignment (the same people's answers the coordinator already reads in their applications).
    input,
  };
}

export async function loadRun(ctx: AppContext, actor: PersonActor, runId: string) {
  const run = await ctx.db.selectFrom('formationRun').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound('formation run');
  const resource = await programmeOf(ctx, run.programmeId);
  authorize(actor, 'programme.formSets', resource);
  return run;
}
