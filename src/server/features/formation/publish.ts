import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../contract/formation.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { scoreAssignment } from '../../../domain/grouping/index.ts';
import { transitionProblem } from '../../../domain/programme-lifecycle.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { queueNotice } from '../enrolment/mail.ts';
import { programmeFacts } from '../enrolment/service.ts';
import { adoptDefaultGroundRules } from '../ground-rules/service.ts';
import { writeInvitation } from '../invitations/service.ts';
import { editableRun } from './editable-run.ts';

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
        const invite = person.userId ? undefined : await writeInvitation(tx, person.id, actor.personId);
        await queueNotice(tx, tx.db, {
          kind: invite ? 'setPublishedInvite' : 'setPublished',
          hostId: p.hostId,
          hostName: p.hostName,
          to: person,
          vars: { setName: name, programmeName: p.name },
          details: [p.meetingCadence].filter((d): d is string => Boolean(d)),
          actionUrl: invite?.url ?? `${ctx.config.publicUrl}/sets/${setId}`,
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
