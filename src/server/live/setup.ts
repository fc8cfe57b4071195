import { defaultGroundRules } from '../../domain/ground-rules.ts';
import { defaultPresenterCycle } from '../../domain/meeting/agenda.ts';
import type { MeetingSetup } from '../../domain/meeting/types.ts';
import type { AppContext } from '../context.ts';
import { rosters } from '../features/sets/queries.ts';
import { notFound } from '../http/problem.ts';

/** Builds the room's setup from the set as it is now: roster, agenda, open actions and problems. */
export async function buildSetup(ctx: AppContext, meetingId: string): Promise<MeetingSetup> {
  const db = ctx.store.plain;
  const meeting = await db
    .selectFrom('meeting')
    .innerJoin('learning_set', 'learning_set.id', 'meeting.set_id')
    .select(['meeting.id', 'meeting.set_id', 'meeting.agenda_json', 'meeting.starts_at', 'learning_set.mode'])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const roster = (await rosters(ctx.db, [meeting.set_id])).get(meeting.set_id) ?? [];
  const openActions = await db
    .selectFrom('action')
    .select(['id', 'owner_id', 'text', 'due_on'])
    .where('set_id', '=', meeting.set_id)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('meeting_id', 'is', null), eb('meeting_id', '!=', meetingId)]))
    .orderBy('created_at')
    .execute();
  const problems = await db
    .selectFrom('problem')
    .select(['id', 'owner_id', 'title', 'story'])
    .where('set_id', '=', meeting.set_id)
    .where('status', 'in', ['open', 'progressing'])
    .orderBy('created_at')
    .execute();
  const versions = problems.length
    ? await db
        .selectFrom('problem_version')
        .select(['problem_id', 'statement'])
        .where(
          'problem_id',
          'in',
          problems.map((p) => p.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  const latest = new Map(versions.map((v) => [v.problem_id, v.statement]));
  // The set's own version of its ground rules, as adopted now; the defaults until it adopts one.
  const rules = await db
    .selectFrom('ground_rules_version')
    .select('rules_json')
    .where('set_id', '=', meeting.set_id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return {
    meetingId,
    setId: meeting.set_id,
    mode: meeting.mode,
    facilitatorIds: roster.filter((r) => r.role === 'facilitator').map((r) => r.personId),
    participants: roster.map((r) => ({ personId: r.personId, name: r.name, role: r.role })),
    agenda: JSON.parse(meeting.agenda_json),
    presenterCycle: defaultPresenterCycle(),
    groundRules: rules ? (JSON.parse(rules.rules_json) as string[]) : [...defaultGroundRules],
    openActions: openActions.map((a) => ({
      actionId: a.id,
      ownerId: a.owner_id,
      text: a.text,
      dueOn: a.due_on,
    })),
    problems: problems.map((p) => ({
      problemId: p.id,
      ownerId: p.owner_id,
      title: p.title,
      statement: latest.get(p.id) ?? p.story,
    })),
  };
}

/** The frozen setup of a meeting's room; the first process to open the room freezes it. */
export async function meetingSetup(ctx: AppContext, meetingId: string): Promise<MeetingSetup> {
  const row = await ctx.store.plain
    .selectFrom('meeting')
    .select('setup_json')
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!row) throw notFound('meeting');
  if (row.setup_json) return JSON.parse(row.setup_json);
  const setup = await buildSetup(ctx, meetingId);
  await ctx.store.plain
    .updateTable('meeting')
    .set({ setup_json: JSON.stringify(setup) })
    .where('id', '=', meetingId)
    .where('setup_json', 'is', null)
    .execute();
  const frozen = await ctx.store.plain
    .selectFrom('meeting')
    .select('setup_json')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return JSON.parse(frozen.setup_json!);
}
