import type { PersonActor } from '../../../domain/access.ts';
import type { Assignment, FormationInput } from '../../../domain/grouping/index.ts';
import { formsSets, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../http/problem.ts';
import { programmeFacts } from '../enrolment/service.ts';
import { loadRun, type RunRow } from './run-rows.ts';

export async function assertForming(ctx: AppContext, programmeId: string) {
  const p = await programmeFacts(ctx, programmeId);
  if (!formsSets(p.status)) throw conflict(whyNot(p.status, 'form'));
  return p;
}

export async function editableRun(ctx: AppContext, actor: PersonActor, runId: string) {
  const run = await loadRun(ctx, actor, runId);
  if (run.status !== 'proposed')
    throw conflict(`This formation run is ${run.status}; start a new run to change it.`);
  await assertForming(ctx, run.programmeId);
  return {
    run,
    input: JSON.parse(run.inputJson) as FormationInput,
    assignment: JSON.parse(run.assignmentJson) as Assignment,
  };
}

export async function saveAssignment(
  ctx: AppContext,
  run: RunRow,
  changes: { assignment: Assignment; input?: FormationInput; seed?: number; notices?: string[] },
) {
  // Only a proposal nobody published meanwhile changes.
  const updated = await ctx.db
    .updateTable('formationRun')
    .set({
      assignmentJson: JSON.stringify(changes.assignment),
      ...(changes.input ? { inputJson: JSON.stringify(changes.input) } : {}),
      ...(changes.seed !== undefined ? { seed: changes.seed } : {}),
      ...(changes.notices ? { noticesJson: JSON.stringify(changes.notices) } : {}),
      updatedAt: ctx.now().toISOString(),
    })
    .where('id', '=', run.id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw conflict('This formation run changed meanwhile; reload it.');
}
