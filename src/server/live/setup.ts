import { defaultGroundRules } from '../../domain/ground-rules.ts';
import { defaultPresenterCycle } from '../../domain/meeting/agenda.ts';
import type { MeetingSetup } from '../../domain/meeting/types.ts';
import type { AppContext } from '../context.ts';
import { rosters } from '../features/sets/queries.ts';
import { notFound } from '../http/problem.ts';

/** Builds the room's setup from the set as it is now: roster, agenda, open actions and problems. */
export async function buildSetup(ctx: AppContext, meetingId: string): Promise<MeetingSetup> {
  const db = ctx.db;
  const meeting = await db
    .selectFrom('meeting')
    .innerJoin('learningSet', 'learningSet.id', 'meeting.setId')
    .select(['meeting.id', 'meeting.setId', 'meeting.agendaJson', 'learningSet.mode'])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const roster = (await rosters(ctx.db, [meeting.setId])).get(meeting.setId) ?? [];
  const openActions = await db
    .selectFrom('action')
    .select(['id', 'ownerId', 'text', 'dueOn'])
    .where('setId', '=', meeting.setId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('meetingId', 'is', null), eb('meetingId', '!=', meetingId)]))
    .orderBy('createdAt')
    .execute();
  const problems = await db
    .selectFrom('problem')
    .select(['id', 'ownerId', 'title', 'story'])
    .where('setId', '=', meeting.setId)
    .where('status', 'in', ['open', 'progressing'])
    .orderBy('createdAt')
    .execute();
  const versions = problems.length
    ? await db
        .selectFrom('problemVersion')
        .select(['problemId', 'statement'])
        .where(
          'problemId',
          'in',
          problems.map((p) => p.id),
        )
        .orderBy('createdAt')
        .execute()
    : [];
  const latest = new Map(versions.map((v) => [v.problemId, v.statement]));
  // The set's own version of its ground rules, as adopted now; the defaults until it adopts one.
  const rules = await db
    .selectFrom('groundRulesVersion')
    .select('rulesJson')
    .where('setId', '=', meeting.setId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return {
    meetingId,
    setId: meeting.setId,
    mode: meeting.mode,
    facilitatorIds: roster.filter((r) => r.role === 'facilitator').map((r) => r.personId),
    participants: roster.map((r) => ({ personId: r.personId, name: r.name, role: r.role })),
    agenda: JSON.parse(meeting.agendaJson),
    presenterCycle: defaultPresenterCycle(),
    groundRules: rules ? (JSON.parse(rules.rulesJson) as string[]) : [...defaultGroundRules],
    openActions: openActions.map((a) => ({
      actionId: a.id,
      ownerId: a.ownerId,
      text: a.text,
      dueOn: a.dueOn,
    })),
    problems: problems.map((p) => ({
      problemId: p.id,
      ownerId: p.ownerId,
      title: p.title,
      statement: latest.get(p.id) ?? p.story,
    })),
  };
}

/** The frozen setup of a meeting's room; the first process to open the room freezes it. */
export async function meetingSetup(ctx: AppContext, meetingId: string): Promise<MeetingSetup> {
  const row = await ctx.db
    .selectFrom('meeting')
    .select('setupJson')
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!row) throw notFound('meeting');
  if (row.setupJson) return JSON.parse(row.setupJson);
  const setup = await buildSetup(ctx, meetingId);
  await ctx.db
    .updateTable('meeting')
    .set({ setupJson: JSON.stringify(setup) })
    .where('id', '=', meetingId)
    .where('setupJson', 'is', null)
    .execute();
  const frozen = await ctx.db
    .selectFrom('meeting')
    .select('setupJson')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return JSON.parse(frozen.setupJson!);
}
