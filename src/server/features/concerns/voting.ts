/** The participants' anonymous votes on the programme's themes: opening and closing the vote, casting votes. */
import type { ProgrammeConcerns } from '../../../contract/concerns.ts';
import type { PersonActor } from '../../../domain/access.ts';
import {
  type Allocation,
  allocationSentence,
  checkAllocation,
  type VotingStatus,
} from '../../../domain/concerns/votes.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { programmeResource } from '../resources.ts';
import { board, voterKey, votingOf } from './board.ts';

/**
 * The programme's vote, read after taking its row's write lock (a no-op update): one change to the vote
 * at a time per programme, and no votes cast while voting opens or closes.
 */
async function lockedVoting(tx: AppContext, programmeId: string) {
  await tx.db
    .updateTable('themeVoting')
    .set((eb) => ({ votesPerPerson: eb.ref('votesPerPerson') }))
    .where('programmeId', '=', programmeId)
    .execute();
  return votingOf(tx.db, programmeId);
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
    const current = await lockedVoting(tx, programmeId);
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
    const voting = await lockedVoting(tx, programmeId);
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
