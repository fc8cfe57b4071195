/**
 * The programme's side: the concerns its sets shared (never who proposed them), the coordinator's
 * themes, and the participants' anonymous votes on them.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ProgrammeConcerns,
  programmeConcernActions,
  SharedConcern,
  ThemeSuggestion,
} from '../../../contract/concerns.ts';
import { can, type PersonActor, type ProgrammeResource } from '../../../domain/access.ts';
import { defaultSimilarityThreshold, suggestThemes } from '../../../domain/concerns/suggest.ts';
import {
  type Allocation,
  allocationSentence,
  checkAllocation,
  minVotersForCounts,
  type VotingStatus,
  visibleCounts,
  votesPerPerson,
} from '../../../domain/concerns/votes.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { programmeResource } from '../resources.ts';
import { settleConsent } from './store.ts';

/**
 * A voter as the database knows them: a keyed hash of programme and person. It lets a voter find and
 * change their own votes and the limit be enforced; it names nobody to anyone reading the tables.
 */
export function voterKey(secret: string, programmeId: string, personId: string): string {
  return createHmac('sha256', secret).update(`theme-vote:${programmeId}:${personId}`).digest('base64url');
}

const byStatement = (a: { statement: string; id: string }, b: { statement: string; id: string }) =>
  a.statement.localeCompare(b.statement, 'en') || a.id.localeCompare(b.id);

async function sharedConcerns(db: Kysely<DB>, programmeId: string): Promise<SharedConcern[]> {
  const rows = await db
    .selectFrom('concern')
    .innerJoin('learningSet', 'learningSet.id', 'concern.setId')
    .select([
      'concern.id',
      'concern.statement',
      'concern.themeTag',
      'concern.showSetName',
      'concern.themeId',
      'learningSet.name as setName',
    ])
    .where('concern.programmeId', '=', programmeId)
    .where('concern.status', '=', 'shared')
    .execute();
  // Alphabetical, never by time: the moment a concern was shared could point to the set that met then.
  return rows
    .map((r) => ({
      id: r.id,
      statement: r.statement,
      themeTag: r.themeTag,
      setName: r.showSetName ? r.setName : null,
      themeId: r.themeId,
    }))
    .sort(byStatement);
}

async function votingOf(db: Kysely<DB>, programmeId: string) {
  const row = await db
    .selectFrom('themeVoting')
    .select(['status', 'votesPerPerson'])
    .where('programmeId', '=', programmeId)
    .executeTakeFirst();
  return {
    status: (row?.status ?? 'not-open') as VotingStatus,
    votesPerPerson: row?.votesPerPerson ?? votesPerPerson.default,
  };
}

type Abilities = Record<(typeof programmeConcernActions)[number], boolean>;

function abilitiesOn(actor: PersonActor, programme: ProgrammeResource): Abilities {
  return {
    'concern.readShared': can(actor, 'concern.readShared', programme),
    'theme.manage': can(actor, 'theme.manage', programme),
    'vote.cast': can(actor, 'vote.cast', programme),
    'vote.readOwn': can(actor, 'vote.readOwn', programme),
    'vote.readCounts': can(actor, 'vote.readCounts', programme),
  };
}

async function board(
  ctx: AppContext,
  actor: PersonActor,
  programme: ProgrammeResource,
): Promise<ProgrammeConcerns> {
  const { programmeId } = programme;
  const db = ctx.db;
  const concerns = await sharedConcerns(db, programmeId);
  const themes = await db
    .selectFrom('concernTheme')
    .select(['id', 'name', 'position'])
    .where('programmeId', '=', programmeId)
    .orderBy('position')
    .orderBy('name')
    .execute();
  const voting = await votingOf(db, programmeId);
  const votes = await db
    .selectFrom('themeVote')
    .select(['voterKey', 'themeId', 'votes'])
    .where('programmeId', '=', programmeId)
    .where('votes', '>', 0)
    .execute();
  const voters = new Set(votes.map((v) => v.voterKey)).size;
  const abilities = abilitiesOn(actor, programme);
  const key = voterKey(ctx.config.authSecret, programmeId, actor.personId);
  const totals = new Map<string, number>(themes.map((t) => [t.id, 0]));
  for (const v of votes) totals.set(v.themeId, (totals.get(v.themeId) ?? 0) + Number(v.votes));
  const counts = abilities['vote.readCounts'] ? visibleCounts(voting.status, voters, totals) : null;
  return {
    programmeId,
    concerns,
    themes: themes.map((t) => ({
      id: t.id,
      name: t.name,
      position: Number(t.position),
      concernIds: concerns.filter((c) => c.themeId === t.id).map((c) => c.id),
    })),
    voting: { ...voting, voters },
    myVotes: abilities['vote.readOwn']
      ? votes.filter((v) => v.voterKey === key).map((v) => ({ themeId: v.themeId, votes: Number(v.votes) }))
      : null,
    results: {
      shown: Boolean(counts?.shown),
      reason: counts && !counts.shown ? counts.reason : counts ? null : 'not-closed',
      minimumVoters: minVotersForCounts,
      totals:
        counts?.shown === true
          ? themes.map((t) => ({ themeId: t.id, votes: counts.totals.get(t.id) ?? 0 }))
          : [],
    },
    abilities,
  };
}

export async function listProgrammeConcerns(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<ProgrammeConcerns> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'concern.readShared', programme);
  await transact(ctx, (tx) => settleConsent(tx.db, ctx.now(), { programmeId }));
  return board(ctx, actor, programme);
}

export async function suggestProgrammeThemes(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  threshold: number | undefined,
): Promise<ThemeSuggestion> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'theme.manage', programme);
  await transact(ctx, (tx) => settleConsent(tx.db, ctx.now(), { programmeId }));
  const concerns = await sharedConcerns(ctx.db, programmeId);
  const used = threshold ?? defaultSimilarityThreshold;
  return { ...suggestThemes(concerns, { threshold: used }), threshold: used };
}

/** Themes change only before voting opens: votes are for the themes as they stood. */
async function assertThemesEditable(db: Kysely<DB>, programmeId: string) {
  const { status } = await votingOf(db, programmeId);
  if (status === 'open')
    throw conflict(
      'Voting on these themes is open, so they cannot change now. Close voting and start it again (which clears the votes) to change them.',
    );
  if (status === 'closed')
    throw conflict(
      'Voting on these themes has closed and its results stand. Start voting again (which clears the votes) to change the themes.',
    );
}

/** The shared concerns among `ids`; any other id (unknown, or not shared) is refused alike. */
async function assertShared(db: Kysely<DB>, programmeId: string, ids: readonly string[]) {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length)
    throw new Problem('validation-failed', 'A concern is named twice. Put each concern in one theme only.', [
      { field: 'body', message: 'A concern is named twice.' },
    ]);
  const found = await db
    .selectFrom('concern')
    .select('id')
    .where('programmeId', '=', programmeId)
    .where('status', '=', 'shared')
    .where('id', 'in', unique)
    .execute();
  if (found.length !== unique.length)
    throw conflict(
      "Some of these concerns are not among the programme's shared concerns. Reload the page and try again.",
    );
}

async function nextPosition(db: Kysely<DB>, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('concernTheme')
    .select((eb) => eb.fn.max<number>('position').as('last'))
    .where('programmeId', '=', programmeId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

async function assertNameFree(db: Kysely<DB>, programmeId: string, name: string, exceptId?: string) {
  const themes = await db
    .selectFrom('concernTheme')
    .select(['id', 'name'])
    .where('programmeId', '=', programmeId)
    .execute();
  if (themes.some((t) => t.id !== exceptId && t.name.toLocaleLowerCase() === name.toLocaleLowerCase()))
    throw conflict('There is already a theme called “{{name}}”. Choose another name.', 'body.name', { name });
}

/** Sets the programme's themes at once, e.g. accepting a suggestion; concerns not named have no theme. */
export async function replaceThemes(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  themes: { name: string; concernIds: string[] }[],
): Promise<ProgrammeConcerns> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'theme.manage', programme);
  const names = themes.map((t) => t.name.toLocaleLowerCase());
  if (new Set(names).size !== names.length)
    throw new Problem('validation-failed', 'Two themes have the same name. Give each theme its own name.', [
      { field: 'body.themes', message: 'Two themes have the same name.' },
    ]);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await settleConsent(tx.db, ctx.now(), { programmeId });
    await assertThemesEditable(tx.db, programmeId);
    await assertShared(
      tx.db,
      programmeId,
      themes.flatMap((t) => t.concernIds),
    );
    await tx.db
      .updateTable('concern')
      .set({ themeId: null })
      .where('programmeId', '=', programmeId)
      .execute();
    await tx.db.deleteFrom('concernTheme').where('programmeId', '=', programmeId).execute();
    for (const [position, theme] of themes.entries()) {
      const id = randomUUID();
      await tx.db
        .insertInto('concernTheme')
        .values({ id, programmeId, name: theme.name, position, createdAt: now, updatedAt: now })
        .execute();
      if (theme.concernIds.length)
        await tx.db.updateTable('concern').set({ themeId: id }).where('id', 'in', theme.concernIds).execute();
    }
  });
  return board(ctx, actor, programme);
}

export async function createTheme(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: { name: string; concernIds: string[] },
): Promise<ProgrammeConcerns> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'theme.manage', programme);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await settleConsent(tx.db, ctx.now(), { programmeId });
    await assertThemesEditable(tx.db, programmeId);
    await assertNameFree(tx.db, programmeId, input.name);
    await assertShared(tx.db, programmeId, input.concernIds);
    const id = randomUUID();
    await tx.db
      .insertInto('concernTheme')
      .values({
        id,
        programmeId,
        name: input.name,
        position: await nextPosition(tx.db, programmeId),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    if (input.concernIds.length)
      await tx.db.updateTable('concern').set({ themeId: id }).where('id', 'in', input.concernIds).execute();
  });
  return board(ctx, actor, programme);
}

async function loadTheme(ctx: AppContext, actor: PersonActor, themeId: string) {
  const theme = await ctx.db
    .selectFrom('concernTheme')
    .select(['id', 'programmeId', 'name', 'position'])
    .where('id', '=', themeId)
    .executeTakeFirst();
  if (!theme) throw notFound('theme');
  const programme = await programmeResource(ctx.db, theme.programmeId);
  if (!can(actor, 'concern.readShared', programme)) throw notFound('theme');
  authorize(actor, 'theme.manage', programme);
  return { theme, programme };
}

export async function updateTheme(
  ctx: AppContext,
  actor: PersonActor,
  themeId: string,
  patch: { name?: string | undefined; position?: number | undefined },
): Promise<ProgrammeConcerns> {
  const { theme, programme } = await loadTheme(ctx, actor, themeId);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await assertThemesEditable(tx.db, theme.programmeId);
    if (patch.name !== undefined) {
      await assertNameFree(tx.db, theme.programmeId, patch.name, themeId);
      await tx.db
        .updateTable('concernTheme')
        .set({ name: patch.name, updatedAt: now })
        .where('id', '=', themeId)
        .execute();
    }
    if (patch.position !== undefined) {
      const order = await tx.db
        .selectFrom('concernTheme')
        .select('id')
        .where('programmeId', '=', theme.programmeId)
        .orderBy('position')
        .orderBy('name')
        .execute();
      const rest = order.map((t) => t.id).filter((id) => id !== themeId);
      const at = Math.min(patch.position, rest.length);
      const next = [...rest.slice(0, at), themeId, ...rest.slice(at)];
      for (const [position, id] of next.entries())
        await tx.db.updateTable('concernTheme').set({ position }).where('id', '=', id).execute();
    }
  });
  return board(ctx, actor, programme);
}

export async function deleteTheme(
  ctx: AppContext,
  actor: PersonActor,
  themeId: string,
): Promise<ProgrammeConcerns> {
  const { theme, programme } = await loadTheme(ctx, actor, themeId);
  await transact(ctx, async (tx) => {
    await assertThemesEditable(tx.db, theme.programmeId);
    await tx.db.updateTable('concern').set({ themeId: null }).where('themeId', '=', themeId).execute();
    await tx.db.deleteFrom('concernTheme').where('id', '=', themeId).execute();
  });
  return board(ctx, actor, programme);
}

export async function mergeTheme(
  ctx: AppContext,
  actor: PersonActor,
  themeId: string,
  intoThemeId: string,
): Promise<ProgrammeConcerns> {
  const { theme, programme } = await loadTheme(ctx, actor, themeId);
  if (intoThemeId === themeId)
    throw new Problem('validation-failed', 'Choose another theme to merge this one into.', [
      { field: 'body.intoThemeId', message: 'Choose another theme.' },
    ]);
  const into = await ctx.db
    .selectFrom('concernTheme')
    .select(['id', 'programmeId'])
    .where('id', '=', intoThemeId)
    .executeTakeFirst();
  if (!into || into.programmeId !== theme.programmeId) throw notFound('theme');
  await transact(ctx, async (tx) => {
    await assertThemesEditable(tx.db, theme.programmeId);
    await tx.db.updateTable('concern').set({ themeId: intoThemeId }).where('themeId', '=', themeId).execute();
    await tx.db.deleteFrom('concernTheme').where('id', '=', themeId).execute();
  });
  return board(ctx, actor, programme);
}

export async function moveConcern(
  ctx: AppContext,
  actor: PersonActor,
  concernId: string,
  themeId: string | null,
): Promise<ProgrammeConcerns> {
  const concern = await ctx.db
    .selectFrom('concern')
    .select(['id', 'programmeId', 'status'])
    .where('id', '=', concernId)
    .executeTakeFirst();
  // An unshared proposal does not exist for anyone outside its set: the same answer as an unknown id.
  if (!concern) throw notFound('concern');
  const programme = await programmeResource(ctx.db, concern.programmeId);
  if (!can(actor, 'concern.readShared', programme)) throw notFound('concern');
  await transact(ctx, (tx) => settleConsent(tx.db, ctx.now(), { concernId }));
  const settled = await ctx.db
    .selectFrom('concern')
    .select('status')
    .where('id', '=', concernId)
    .executeTakeFirstOrThrow();
  if (settled.status !== 'shared') throw notFound('concern');
  authorize(actor, 'theme.manage', programme);
  if (themeId) {
    const theme = await ctx.db
      .selectFrom('concernTheme')
      .select('programmeId')
      .where('id', '=', themeId)
      .executeTakeFirst();
    if (!theme || theme.programmeId !== concern.programmeId) throw notFound('theme');
  }
  await transact(ctx, async (tx) => {
    await assertThemesEditable(tx.db, concern.programmeId);
    await tx.db.updateTable('concern').set({ themeId }).where('id', '=', concernId).execute();
  });
  return board(ctx, actor, programme);
}

export async function updateVoting(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: { status?: VotingStatus | undefined; votesPerPerson?: number | undefined },
): Promise<ProgrammeConcerns> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'theme.manage', programme);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db
      .updateTable('themeVoting')
      .set((eb) => ({ votesPerPerson: eb.ref('votesPerPerson') }))
      .where('programmeId', '=', programmeId)
      .execute();
    const current = await votingOf(tx.db, programmeId);
    let { status, votesPerPerson: limit } = current;
    if (input.votesPerPerson !== undefined && input.votesPerPerson !== limit) {
      if (status !== 'not-open' && input.status !== 'not-open')
        throw conflict(
          'People have voted with {{limit}} votes each. Start voting again (which clears the votes) to change the number.',
          'body.votesPerPerson',
          { limit },
        );
      limit = input.votesPerPerson;
    }
    if (input.status !== undefined && input.status !== status) {
      if (input.status === 'open') {
        const themes = await tx.db
          .selectFrom('concernTheme')
          .select('id')
          .where('programmeId', '=', programmeId)
          .execute();
        if (themes.length === 0)
          throw conflict('There are no themes to vote on yet. Group the shared concerns into themes first.');
      }
      if (input.status === 'closed' && status !== 'open')
        throw conflict('Voting has not opened yet, so it cannot close.');
      // Starting again clears every vote: the themes may then change and voting opens afresh.
      if (input.status === 'not-open')
        await tx.db.deleteFrom('themeVote').where('programmeId', '=', programmeId).execute();
      status = input.status;
    }
    await tx.db.deleteFrom('themeVoting').where('programmeId', '=', programmeId).execute();
    await tx.db
      .insertInto('themeVoting')
      .values({
        programmeId,
        votesPerPerson: limit,
        status,
        openedAt: status === 'open' ? now : null,
        closedAt: status === 'closed' ? now : null,
        updatedAt: now,
      })
      .execute();
  });
  return board(ctx, actor, programme);
}

export async function castVotes(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  allocation: Allocation[],
): Promise<ProgrammeConcerns> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'vote.cast', programme);
  const key = voterKey(ctx.config.authSecret, programmeId, actor.personId);
  await transact(ctx, async (tx) => {
    // One vote change at a time per programme, and none while voting opens or closes.
    await tx.db
      .updateTable('themeVoting')
      .set((eb) => ({ votesPerPerson: eb.ref('votesPerPerson') }))
      .where('programmeId', '=', programmeId)
      .execute();
    const voting = await votingOf(tx.db, programmeId);
    const themes = await tx.db
      .selectFrom('concernTheme')
      .select('id')
      .where('programmeId', '=', programmeId)
      .execute();
    const problem = checkAllocation(allocation, {
      status: voting.status,
      limit: voting.votesPerPerson,
      themeIds: new Set(themes.map((t) => t.id)),
    });
    if (problem) {
      const sentence = allocationSentence(problem);
      if (problem.kind === 'not-open') throw conflict(sentence);
      if (problem.kind === 'unknown-theme') throw conflict(sentence, 'body.votes');
      throw new Problem('validation-failed', sentence, [{ field: 'body.votes', message: sentence }]);
    }
    await tx.db
      .deleteFrom('themeVote')
      .where('programmeId', '=', programmeId)
      .where('voterKey', '=', key)
      .execute();
    const given = allocation.filter((a) => a.votes > 0);
    if (given.length)
      await tx.db
        .insertInto('themeVote')
        .values(given.map((a) => ({ programmeId, voterKey: key, themeId: a.themeId, votes: a.votes })))
        .execute();
  });
  return board(ctx, actor, programme);
}
