/**
 * Growth (issue 12): what the scheduler's round keeps from growing without bound.
 * - An ended meeting's live event log, LIVE_LOG_COMPACT_DAYS after the meeting last changed, is
 *   compacted to the events its record needs (domain/meeting/compaction.ts checks that the record, the
 *   turn history and the coach's figures replay the same); the durable effects live in their own tables.
 * - Sent and failed mails leave the outbox MAIL_RETENTION_DAYS after they were queued.
 * Both are claimed and done in small transactions, so several processes may run them side by side.
 */
import { compactLog } from '../../../domain/meeting/compaction.ts';
import type { MeetingSetup } from '../../../domain/meeting/types.ts';
import type { AppContext } from '../../context.ts';
import { tables } from '../../data-rights/types.ts';
import { eventRowsAfter, toEvent } from '../../live/event-log.ts';
import { transact } from '../../transact.ts';

const dayMs = 24 * 3_600_000;
/** Meetings looked at per round: a first round on a large old database is spread over several. */
const meetingsPerRound = 500;

export interface CompactionCounts {
  meetings: number;
  eventsBefore: number;
  eventsRemoved: number;
}

/** One round: ended meetings, old enough and not yet compacted. */
export async function compactEndedMeetings(
  ctx: AppContext,
  limit = meetingsPerRound,
): Promise<CompactionCounts> {
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - ctx.config.liveLogCompactDays * dayMs).toISOString();
  const due = await tables(ctx.db)
    .selectFrom('meeting')
    .select('id')
    .where('status', '=', 'ended')
    .where('log_compacted_at', 'is', null)
    .where('updated_at', '<=', cutoff)
    .limit(limit)
    .execute();
  const counts: CompactionCounts = { meetings: 0, eventsBefore: 0, eventsRemoved: 0 };
  for (const { id } of due) {
    const done = await transact(ctx, async (tx) => {
      const db = tables(tx.db);
      // Claim it first: with several processes only one compacts a meeting.
      const claim = await db
        .updateTable('meeting')
        .set({ log_compacted_at: now.toISOString() })
        .where('id', '=', id)
        .where('log_compacted_at', 'is', null)
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows ?? 0) === 0) return null;
      const meeting = await db
        .selectFrom('meeting')
        .select('setup_json')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const rows = await eventRowsAfter(db, id, 0);
      if (!meeting.setup_json || rows.length === 0) return { before: rows.length, removed: 0 };
      const setup = JSON.parse(meeting.setup_json) as MeetingSetup;
      const { drop } = compactLog(setup, rows.map(toEvent));
      for (let i = 0; i < drop.length; i += 500) {
        await db
          .deleteFrom('meeting_event')
          .where('meeting_id', '=', id)
          .where('seq', 'in', drop.slice(i, i + 500))
          .execute();
      }
      return { before: rows.length, removed: drop.length };
    });
    if (!done) continue;
    counts.meetings++;
    counts.eventsBefore += done.before;
    counts.eventsRemoved += done.removed;
  }
  if (counts.meetings) ctx.logger.info(counts, "ended meetings' live logs compacted");
  return counts;
}

/** One round: sent and failed mails older than the retention. Pending and sending mails stay. */
export async function pruneOutbox(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.config.mailRetentionDays * dayMs).toISOString();
  const result = await tables(ctx.db)
    .deleteFrom('mail_outbox')
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  const pruned = Number(result.numDeletedRows ?? 0);
  if (pruned) ctx.logger.info({ pruned }, 'sent and failed mails pruned from the outbox');
  return pruned;
}
