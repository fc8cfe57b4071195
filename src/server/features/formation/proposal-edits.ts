import type { z } from 'zod';
import type * as contract from '../../../contract/formation.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { type SetAssignment, scoreAssignment } from '../../../domain/grouping/index.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { editableRun, saveAssignment } from './editable-run.ts';
import { engine, getRun } from './runs.ts';

/**
 * Moves a person to another set (`toSet` = number of sets opens a new one; null leaves them unplaced).
 * The answer is the whole run rescored, with its warnings.
 */
export async function movePerson(
  ctx: AppContext,
  actor: PersonActor,
  runId: string,
  move: z.output<typeof contract.movePerson.body>,
) {
  const { run, input, assignment } = await editableRun(ctx, actor, runId);
  const participant = input.participants.find((p) => p.id === move.personId);
  if (!participant)
    throw conflict('This person is not a participant of this formation run.', 'body.personId');
  const from = assignment.sets.findIndex(
    (s) => s.members.includes(move.personId) || (s.facilitators ?? []).includes(move.personId),
  );
  if (from !== -1 && assignment.sets[from]!.locked)
    throw conflict('Set {{number}} is locked; unlock it to move people out of it.', 'body.personId', {
      number: from + 1,
    });
  if (move.toSet !== null) {
    if (move.toSet > assignment.sets.length)
      throw conflict('There is no set {{number}}; there are {{count}}.', 'body.toSet', {
        number: move.toSet + 1,
        count: assignment.sets.length,
      });
    if (assignment.sets[move.toSet]?.locked)
      throw conflict('Set {{number}} is locked; unlock it to move people into it.', 'body.toSet', {
        number: move.toSet + 1,
      });
  }
  const sets: SetAssignment[] = assignment.sets.map((s) => ({
    members: s.members.filter((id) => id !== move.personId),
    facilitators: (s.facilitators ?? []).filter((id) => id !== move.personId),
    locked: s.locked === true,
  }));
  if (move.toSet !== null) {
    if (move.toSet === sets.length) sets.push({ members: [], facilitators: [], locked: false });
    const target = sets[move.toSet]!;
    const asFacilitator = participant.facilitator === true && (input.facilitated ?? true);
    (asFacilitator ? target.facilitators! : target.members).push(move.personId);
  }
  const next = { sets };
  engine(() => scoreAssignment(input, next));
  await saveAssignment(ctx, run, { assignment: next });
  return getRun(ctx, actor, runId);
}

export async function lockSet(
  ctx: AppContext,
  actor: PersonActor,
  runId: string,
  index: number,
  locked: boolean,
) {
  const { run, assignment } = await editableRun(ctx, actor, runId);
  const set = assignment.sets[index];
  if (!set) throw notFound('set in this formation run');
  set.locked = locked;
  await saveAssignment(ctx, run, { assignment });
  return getRun(ctx, actor, runId);
}
