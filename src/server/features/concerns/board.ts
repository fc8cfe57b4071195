/**
 * The programme's board of shared concerns: the concerns its sets shared (never who proposed them), the
 * coordinator's themes, the state of the vote and, once it closes, the counts; and theme suggestions.
 */
import { createHmac } from 'node:crypto';
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
  minVotersForCounts,
  type VotingStatus,
  visibleCounts,
  votesPerPerson,
} from '../../../domain/concerns/votes.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
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

export async function sharedConcerns(db: Kysely<DB>, programmeId: string): Promise<SharedConcern[]> {
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

export async function votingOf(db: Kysely<DB>, programmeId: string) {
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

export async function board(
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
