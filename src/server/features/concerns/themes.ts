/**
 * The coordinator's themes over the programme's shared concerns: set them all at once (a suggestion
 * accepted), add, rename, merge, delete, move a concern between them; only before voting opens.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ProgrammeConcerns } from '../../../contract/concerns.ts';
import { can, type PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { programmeResource } from '../resources.ts';
import { board, votingOf } from './board.ts';
import { settleConsent } from './store.ts';

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
