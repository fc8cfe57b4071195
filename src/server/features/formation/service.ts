import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type * as contract from '../../../contract/formation.ts';
import type { FormationRun, RunSummary } from '../../../contract/formation.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { matchesAvoid } from '../../../domain/enrolment.ts';
import {
  type Assignment,
  type FormationInput,
  FormationInputError,
  formSets,
  type Participant,
  type SetAssignment,
  scoreAssignment,
} from '../../../domain/grouping/index.ts';
import { formsSets, transitionProblem, whyNot } from '../../../domain/programme-lifecycle.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { issueAccountInvitation, queueNotice } from '../enrolment/mail.ts';
import { programmeFacts, programmeOf } from '../enrolment/service.ts';
import { adoptDefaultGroundRules } from '../ground-rules/service.ts';

type RunRow = Selectable<DB['formationRun']>;

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

function present(run: RunRow): FormationRun {
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

async function loadRun(ctx: AppContext, actor: PersonActor, runId: string) {
  const run = await ctx.db.selectFrom('formationRun').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound('formation run');
  const resource = await programmeOf(ctx, run.programmeId);
  authorize(actor, 'programme.formSets', resource);
  return run;
}

function engine<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FormationInputError) throw conflict(error.message);
    throw error;
  }
}

async function assertForming(ctx: AppContext, programmeId: string) {
  const p = await programmeFacts(ctx, programmeId);
  if (!formsSets(p.status)) throw conflict(whyNot(p.status, 'form'));
  return p;
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

async function editableRun(ctx: AppContext, actor: PersonActor, runId: string) {
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

async function saveAssignment(
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

/**
 * Publishes a run in one transaction: creates the sets and memberships, gives each set the default ground
 * rules as its first version, moves the programme to running and emails every member a link to their set.
 */
export async function publishRun(
  ctx: AppContext,
  actor: PersonActor,
  runId: string,
  options: z.output<typeof contract.publishRun.body>,
) {
  const { run, input, assignment } = await editableRun(ctx, actor, runId);
  const p = await programmeFacts(ctx, run.programmeId);
  const transition = transitionProblem(p.status, 'running', 'publish');
  if (transition) throw conflict(transition);
  const result = scoreAssignment(input, assignment);
  if (result.hardViolations > 0 && !options.acceptHardViolations) {
    const rules = result.issues.filter((i) => i.severity === 'hard').map((i) => i.message);
    throw conflict(
      result.hardViolations === 1
        ? 'These sets break a rule that should hold: {{rules}} Move people, re-run, or publish anyway with acceptHardViolations.'
        : 'These sets break rules that should hold: {{rules}} Move people, re-run, or publish anyway with acceptHardViolations.',
      undefined,
      { rules: rules.join(' ') },
    );
  }
  const accepted = await ctx.db
    .selectFrom('application')
    .select('personId')
    .where('programmeId', '=', run.programmeId)
    .where('status', '=', 'accepted')
    .execute();
  const stillAccepted = new Set(accepted.map((a) => a.personId));
  const names = new Map(input.participants.map((x) => [x.id, x.name ?? x.id]));
  const placed = assignment.sets.flatMap((s) => [...s.members, ...(s.facilitators ?? [])]);
  const gone = placed.filter((id) => !stillAccepted.has(id));
  if (gone.length) {
    throw conflict(
      gone.length === 1
        ? '{{names}} is no longer accepted (withdrawn or declined since); re-run or move them out before publishing.'
        : '{{names}} are no longer accepted (withdrawn or declined since); re-run or move them out before publishing.',
      undefined,
      { names: gone.map((id) => names.get(id) ?? id) },
    );
  }
  const sets = assignment.sets.filter((s) => s.members.length + (s.facilitators ?? []).length > 0);
  const now = ctx.now().toISOString();
  const created = await transact(ctx, async (tx) => {
    const claimed = await tx.db
      .updateTable('formationRun')
      .set({ status: 'published', publishedAt: now, updatedAt: now })
      .where('id', '=', run.id)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw conflict('This formation run changed meanwhile; reload it.');
    const moved = await tx.db
      .updateTable('programme')
      .set({ status: 'running', updatedAt: now })
      .where('id', '=', run.programmeId)
      .where('status', '=', 'forming')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw conflict('The programme changed meanwhile; reload it.');
    await tx.db
      .updateTable('formationRun')
      .set({ status: 'discarded', updatedAt: now })
      .where('programmeId', '=', run.programmeId)
      .where('status', '=', 'proposed')
      .execute();
    const out: { id: string; name: string; members: string[]; facilitators: string[] }[] = [];
    for (const [i, set] of sets.entries()) {
      const setId = randomUUID();
      const name = options.setNames[i] ?? `Set ${i + 1}`;
      const facilitators = set.facilitators ?? [];
      await tx.db
        .insertInto('learningSet')
        .values({
          id: setId,
          programmeId: run.programmeId,
          name,
          theme: '',
          mode: facilitators.length ? 'facilitated' : 'self_facilitated',
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      const roles = [
        ...set.members.map((id) => [id, 'member'] as const),
        ...facilitators.map((id) => [id, 'facilitator'] as const),
      ];
      for (const [personId, role] of roles)
        await tx.db.insertInto('setMembership').values({ setId, personId, role, createdAt: now }).execute();
      await adoptDefaultGroundRules(tx.db, setId, now);
      const people = await tx.db
        .selectFrom('person')
        .select(['id', 'name', 'email', 'language', 'userId'])
        .where(
          'id',
          'in',
          roles.map(([id]) => id),
        )
        .execute();
      for (const person of people) {
        const invite = person.userId
          ? undefined
          : await issueAccountInvitation(tx, person.id, actor.personId);
        await queueNotice(tx, tx.db, {
          kind: invite ? 'setPublishedInvite' : 'setPublished',
          hostId: p.hostId,
          hostName: p.hostName,
          to: person,
          vars: { setName: name, programmeName: p.name },
          details: [p.meetingCadence].filter((d): d is string => Boolean(d)),
          actionUrl: invite ?? `${ctx.config.publicUrl}/sets/${setId}`,
        });
      }
      out.push({ id: setId, name, members: set.members, facilitators });
    }
    await audit(tx, {
      hostId: p.hostId,
      by: actor,
      action: 'formation.published',
      target: { type: 'programme', id: run.programmeId, label: p.name },
      details: {
        runId: run.id,
        sets: out.length,
        people: out.reduce((n, set) => n + set.members.length + set.facilitators.length, 0),
        hardViolations: result.hardViolations,
      },
    });
    tx.afterCommit(() => ctx.mail.wake());
    return out;
  });
  return { programmeStatus: 'running' as const, sets: created };
}
