import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type * as contract from '../../../contract/journal.ts';
import type { JournalAnswers, JournalEntry } from '../../../contract/journal.ts';
import { abilitiesFor, can, type OwnedItemResource, type PersonActor } from '../../../domain/access.ts';
import { extend } from '../../../shared/objects.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound, Problem } from '../../http/problem.ts';
import { precompiled } from '../../store/precompiled.ts';
import type { DB } from '../../store/schema.ts';
import { newItemResource, ownedItemResource, setResource } from '../resources.ts';

export type JournalInput = z.output<typeof contract.createJournalEntry.body>;
export type JournalPatch = z.output<typeof contract.updateJournalEntry.body>;

function present(
  actor: PersonActor,
  row: DB['journalEntry'] & { authorName: string },
  resource: OwnedItemResource,
): JournalEntry {
  return {
    id: row.id,
    author: { id: row.authorId, name: row.authorName },
    setId: row.setId,
    meetingId: row.meetingId,
    answers: JSON.parse(row.answersJson) as JournalAnswers,
    visibility: row.visibility,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: abilitiesFor(actor, resource),
  };
}

function entryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('journalEntry')
    .innerJoin('person', 'person.id', 'journalEntry.authorId')
    .selectAll('journalEntry')
    .select('person.name as authorName');
}

const entryById = precompiled((db, p: { entryId: string }) =>
  entryQuery(db).where('journalEntry.id', '=', p.entryId),
);

/** My entries in a set, and the entries others chose to share with it. */
export async function listJournal(ctx: AppContext, actor: PersonActor, setId: string) {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'journal.create', set);
  const rows = await entryQuery(ctx.db)
    .where('journalEntry.setId', '=', setId)
    .where((eb) =>
      eb.or([eb('journalEntry.authorId', '=', actor.personId), eb('journalEntry.visibility', '=', 'set')]),
    )
    .orderBy('journalEntry.createdAt', 'desc')
    .execute();
  return rows
    .map((row) => ({
      row,
      resource: extend(set, {
        type: 'journal' as const,
        ownerId: row.authorId,
        sharedWithSet: row.visibility === 'set',
      }) satisfies OwnedItemResource,
    }))
    .filter(({ resource }) => can(actor, 'journal.read', resource))
    .map(({ row, resource }) => present(actor, row, resource));
}

export async function getJournalEntry(ctx: AppContext, actor: PersonActor, entryId: string) {
  const resource = await ownedItemResource(ctx.db, 'journal', entryId);
  authorize(actor, 'journal.read', resource);
  const row = await entryById.takeFirst(ctx.db, { entryId });
  if (!row) throw notFound('journal entry');
  return present(actor, row, resource);
}

async function assertMeetingOfSet(ctx: AppContext, meetingId: string | null, setId: string) {
  if (!meetingId) return;
  const meeting = await ctx.db
    .selectFrom('meeting')
    .select('setId')
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (meeting?.setId !== setId) {
    throw new Problem('validation-failed', 'That meeting is not one of this set’s.', [
      { field: 'body.meetingId', message: 'meetingId must name a meeting of this set' },
    ]);
  }
}

const insertEntry = precompiled(
  (
    db,
    p: {
      id: string;
      authorId: string;
      setId: string;
      meetingId: string | null;
      answersJson: string;
      visibility: JournalInput['visibility'];
      now: string;
    },
  ) =>
    db.insertInto('journalEntry').values({
      id: p.id,
      authorId: p.authorId,
      setId: p.setId,
      meetingId: p.meetingId,
      answersJson: p.answersJson,
      visibility: p.visibility,
      createdAt: p.now,
      updatedAt: p.now,
    }),
);

export async function createJournalEntry(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: JournalInput,
) {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'journal.create', set);
  await assertMeetingOfSet(ctx, input.meetingId, setId);
  const id = randomUUID();
  await insertEntry.execute(ctx.db, {
    id,
    authorId: actor.personId,
    setId,
    meetingId: input.meetingId,
    answersJson: JSON.stringify(input.answers),
    visibility: input.visibility,
    now: ctx.now().toISOString(),
  });
  const resource = newItemResource(set, 'journal', actor.personId, input.visibility === 'set');
  authorize(actor, 'journal.read', resource);
  const row = await entryById.takeFirst(ctx.db, { entryId: id });
  if (!row) throw notFound('journal entry');
  return present(actor, row, resource);
}

export async function updateJournalEntry(
  ctx: AppContext,
  actor: PersonActor,
  entryId: string,
  patch: JournalPatch,
) {
  authorize(actor, 'journal.update', await ownedItemResource(ctx.db, 'journal', entryId));
  const current = await ctx.db
    .selectFrom('journalEntry')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('journalEntry')
    .set({
      answersJson: patch.answers ? JSON.stringify(patch.answers) : current.answersJson,
      visibility: patch.visibility ?? current.visibility,
      updatedAt: ctx.now().toISOString(),
    })
    .where('id', '=', entryId)
    .execute();
  return getJournalEntry(ctx, actor, entryId);
}

export async function deleteJournalEntry(ctx: AppContext, actor: PersonActor, entryId: string) {
  authorize(actor, 'journal.update', await ownedItemResource(ctx.db, 'journal', entryId));
  await ctx.db.deleteFrom('journalEntry').where('id', '=', entryId).execute();
}
