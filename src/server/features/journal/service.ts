import { randomUUID } from 'node:crypto';
import { abilitiesFor, can, type OwnedItemResource, type PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import type { JournalEntryTable } from '../../store/schema.ts';
import { ownedItemResource, setResource } from '../resources.ts';

/** The prompts of METHOD.md: what I learned about my problem, others' problems, the set, myself; my actions. */
export const journalPrompts = ['myProblem', 'othersProblems', 'theSet', 'myself', 'myActions'] as const;
export type JournalAnswers = Partial<Record<(typeof journalPrompts)[number], string>>;

export interface JournalInput {
  meetingId: string | null;
  answers: JournalAnswers;
  visibility: 'private' | 'set';
}

function present(
  actor: PersonActor,
  row: JournalEntryTable & { author_name: string },
  resource: OwnedItemResource,
) {
  return {
    id: row.id,
    author: { id: row.author_id, name: row.author_name },
    setId: row.set_id,
    meetingId: row.meeting_id,
    answers: JSON.parse(row.answers_json) as JournalAnswers,
    visibility: row.visibility,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: abilitiesFor(actor, resource),
  };
}

/** My entries in a set, and the entries others chose to share with it. */
export async function listJournal(ctx: AppContext, actor: PersonActor, setId: string) {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'journal.create', set);
  const rows = await ctx.store.plain
    .selectFrom('journal_entry')
    .innerJoin('person', 'person.id', 'journal_entry.author_id')
    .selectAll('journal_entry')
    .select('person.name as author_name')
    .where('journal_entry.set_id', '=', setId)
    .where((eb) =>
      eb.or([eb('journal_entry.author_id', '=', actor.personId), eb('journal_entry.visibility', '=', 'set')]),
    )
    .orderBy('journal_entry.created_at', 'desc')
    .execute();
  return rows
    .map((row) => ({
      row,
      resource: {
        ...set,
        type: 'journal',
        ownerId: row.author_id,
        sharedWithSet: row.visibility === 'set',
      } as OwnedItemResource,
    }))
    .filter(({ resource }) => can(actor, 'journal.read', resource))
    .map(({ row, resource }) => present(actor, row, resource));
}

export async function getJournalEntry(ctx: AppContext, actor: PersonActor, entryId: string) {
  const resource = await ownedItemResource(ctx.store.plain, 'journal', entryId);
  authorize(actor, 'journal.read', resource);
  const row = await ctx.store.plain
    .selectFrom('journal_entry')
    .innerJoin('person', 'person.id', 'journal_entry.author_id')
    .selectAll('journal_entry')
    .select('person.name as author_name')
    .where('journal_entry.id', '=', entryId)
    .executeTakeFirstOrThrow();
  return present(actor, row, resource);
}

async function assertMeetingOfSet(ctx: AppContext, meetingId: string | null, setId: string) {
  if (!meetingId) return;
  const meeting = await ctx.store.plain
    .selectFrom('meeting')
    .select('set_id')
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (meeting?.set_id !== setId) {
    throw new Problem('validation-failed', 'That meeting is not one of this set’s.', [
      { field: 'body.meetingId', message: 'meetingId must name a meeting of this set' },
    ]);
  }
}

export async function createJournalEntry(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: JournalInput,
) {
  authorize(actor, 'journal.create', await setResource(ctx.store.plain, setId));
  await assertMeetingOfSet(ctx, input.meetingId, setId);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.plain
    .insertInto('journal_entry')
    .values({
      id,
      author_id: actor.personId,
      set_id: setId,
      meeting_id: input.meetingId,
      answers_json: JSON.stringify(input.answers),
      visibility: input.visibility,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getJournalEntry(ctx, actor, id);
}

export async function updateJournalEntry(
  ctx: AppContext,
  actor: PersonActor,
  entryId: string,
  patch: Partial<Omit<JournalInput, 'meetingId'>>,
) {
  authorize(actor, 'journal.update', await ownedItemResource(ctx.store.plain, 'journal', entryId));
  const current = await ctx.store.plain
    .selectFrom('journal_entry')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  await ctx.store.plain
    .updateTable('journal_entry')
    .set({
      answers_json: patch.answers ? JSON.stringify(patch.answers) : current.answers_json,
      visibility: patch.visibility ?? current.visibility,
      updated_at: ctx.now().toISOString(),
    })
    .where('id', '=', entryId)
    .execute();
  return getJournalEntry(ctx, actor, entryId);
}

export async function deleteJournalEntry(ctx: AppContext, actor: PersonActor, entryId: string) {
  authorize(actor, 'journal.update', await ownedItemResource(ctx.store.plain, 'journal', entryId));
  await ctx.store.plain.deleteFrom('journal_entry').where('id', '=', entryId).execute();
}
