import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type * as contract from '../../../contract/formation.ts';
import type { RunSummary } from '../../../contract/formation.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { matchesAvoid } from '../../../domain/enrolment.ts';
import {
  type Assignment,
  type FormationInput,
  FormationInputError,
  formSets,
  type Participant,
} from '../../../domain/grouping/index.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict } from '../../http/problem.ts';
import { programmeFacts, programmeOf } from '../enrolment/service.ts';
import { assertForming, editableRun, saveAssignment } from './editable-run.ts';
import { loadRun, present } from './run-rows.ts';

/** Accepted applicants as the engine's participants (id = person id), with notices about what did not map. */
async function buildInput(ctx: AppContext, programmeId: string) {
  const p = await programmeFacts(ctx, programmeId);
  const apps = await ctx.db
    .selectFrom('application')
    .selectAll()
    .where('programmeId', '=', programmeId)
    .where('status', '=', 'accepted')
    .where('personId', 'is not', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const notices: string[] = [];
  const now = ctx.now();
  const participants: Participant[] = apps.map((a) => {
    const mustAvoid: string[] = [];
    for (const entry of JSON.parse(a.mustAvoidJson) as string[]) {
      const other = apps.find((o) => o.id !== a.id && matchesAvoid(entry, o));
      if (other) mustAvoid.push(other.personId!);
      else
        notices.push(
          `${a.name} asked not to share a set with "${entry}", who is not among the accepted participants.`,
        );
    }
    const zone = DateTime.fromJSDate(now, { zone: a.timeZone || 'UTC' });
    return {
      id: a.personId!,
      name: a.name,
      organisation: a.organisationName || a.email,
      role: a.jobRole,
      themes: JSON.parse(a.themesJson),
      languages: JSON.parse(a.languagesJson),
      ...(zone.isValid ? { utcOffsetMinutes: zone.offset } : {}),
      availability: JSON.parse(a.availabilityJson),
      mustAvoid,
      facilitator: Boolean(a.asFacilitator),
    };
  });
  const input: FormationInput = {
    sizeBounds: { min: p.minSetSize, max: p.maxSetSize },
    participants,
  };
  return { programme: p, input, notices };
}

export function engine<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FormationInputError) throw conflict(error.message);
    throw error;
  }
}

async function buildForRun(ctx: AppContext, programmeId: string) {
  const built = await buildInput(ctx, programmeId);
  if (built.input.participants.length === 0)
    throw conflict('Nobody is accepted onto this programme yet: accept applications before forming sets.');
  return built;
}

const assignmentOf = (
  sets: { members: string[]; facilitators: string[]; locked: boolean }[],
): Assignment => ({
  sets: sets.map((s) => ({ members: s.members, facilitators: s.facilitators, locked: s.locked })),
});

export async function startRun(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  options: z.output<typeof contract.startRun.body>,
) {
  authorize(actor, 'programme.formSets', await programmeOf(ctx, programmeId));
  await assertForming(ctx, programmeId);
  const { input, notices } = await buildForRun(ctx, programmeId);
  if (options.numberOfSets !== undefined) input.numberOfSets = options.numberOfSets;
  const result = engine(() => formSets(input, { seed: options.seed }));
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.db
    .insertInto('formationRun')
    .values({
      id,
      programmeId,
      status: 'proposed',
      seed: options.seed,
      inputJson: JSON.stringify(input),
      assignmentJson: JSON.stringify(assignmentOf(result.sets)),
      noticesJson: JSON.stringify(notices),
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return getRun(ctx, actor, id);
}

export async function listRuns(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.formSets', await programmeOf(ctx, programmeId));
  const runs = await ctx.db
    .selectFrom('formationRun')
    .selectAll()
    .where('programmeId', '=', programmeId)
    .orderBy('createdAt', 'desc')
    .execute();
  return runs.map((run): RunSummary => {
    const shown = present(run);
    return {
      id: shown.id,
      status: shown.status,
      seed: shown.seed,
      createdAt: shown.createdAt,
      updatedAt: shown.updatedAt,
      sets: shown.sets.length,
      score: shown.score,
      hardViolations: shown.hardViolations,
      strongViolations: shown.strongViolations,
    };
  });
}

export async function getRun(ctx: AppContext, actor: PersonActor, runId: string) {
  return present(await loadRun(ctx, actor, runId));
}

/**
 * Forms the unlocked sets again from everyone not in a locked set, with the programme's current accepted
 * participants (someone who withdrew leaves their locked set; someone newly accepted joins the rest).
 */
export async function rerun(ctx: AppContext, actor: PersonActor, runId: string, seed: number | undefined) {
  const { run, assignment } = await editableRun(ctx, actor, runId);
  const { input, notices } = await buildForRun(ctx, run.programmeId);
  const known = new Set(input.participants.map((p) => p.id));
  const lockedSets = assignment.sets
    .filter((s) => s.locked)
    .map((s) => ({
      members: s.members.filter((id) => known.has(id)),
      facilitators: (s.facilitators ?? []).filter((id) => known.has(id)),
      locked: true,
    }));
  const nextSeed = seed ?? run.seed + 1;
  const result = engine(() => formSets(input, { seed: nextSeed, lockedSets }));
  await saveAssignment(ctx, run, { assignment: assignmentOf(result.sets), input, seed: nextSeed, notices });
  return getRun(ctx, actor, runId);
}
