/**
 * Retention: a closed programme's set content is kept for the host's number of days, then erased by
 * the scheduler's round. Figures stay (meetings held, attendance, actions and how many were done);
 * the words go (problems, reframes, questions, actions' texts, journals, apology notes, unshared
 * proposals, the live rooms' event logs). Each erasure is logged with its counts.
 */
import { randomUUID } from 'node:crypto';
import { contentErasableAt } from '../../../domain/programme-lifecycle.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { tables } from '../../data-rights/types.ts';
import { transact } from '../../transact.ts';

const affected = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0);

/** Erases one programme's set content inside the caller's transaction; returns the counts. */
export async function eraseProgrammeContent(tx: AppContext, programmeId: string) {
  const db = tables(tx.db);
  const sets = db.selectFrom('learning_set').select('id').where('programme_id', '=', programmeId);
  const meetings = db.selectFrom('meeting').select('id').where('set_id', 'in', sets);
  const problems = db.selectFrom('problem').select('id').where('set_id', 'in', sets);
  const counts = {
    reframes: affected(
      await db.deleteFrom('problem_version').where('problem_id', 'in', problems).executeTakeFirst(),
    ),
    problems: affected(
      await db
        .updateTable('problem')
        .set({ title: '', story: '' })
        .where('set_id', 'in', sets)
        .executeTakeFirst(),
    ),
    actions: affected(
      await db
        .updateTable('action')
        .set({ text: '', outcome_note: '' })
        .where('set_id', 'in', sets)
        .executeTakeFirst(),
    ),
    questions: affected(
      await db
        .updateTable('question')
        .set({ text: '' })
        .where('meeting_id', 'in', meetings)
        .executeTakeFirst(),
    ),
    journalEntries: affected(
      await db.deleteFrom('journal_entry').where('set_id', 'in', sets).executeTakeFirst(),
    ),
    apologyNotes: affected(
      await db
        .updateTable('meeting_attendance')
        .set({ apology_note: '' })
        .where('meeting_id', 'in', meetings)
        .where('apology_note', '!=', '')
        .executeTakeFirst(),
    ),
    // The rooms' frozen setups hold copies of the problems; the rooms will not open again.
    roomSetups: affected(
      await db
        .updateTable('meeting')
        .set({ setup_json: null })
        .where('set_id', 'in', sets)
        .where('setup_json', 'is not', null)
        .executeTakeFirst(),
    ),
    roomEvents: affected(
      await db.deleteFrom('meeting_event').where('meeting_id', 'in', meetings).executeTakeFirst(),
    ),
    unsharedProposals: affected(
      await db
        .updateTable('concern')
        .set({ statement: '', theme_tag: '' })
        .where('programme_id', '=', programmeId)
        .where('status', '!=', 'shared')
        .executeTakeFirst(),
    ),
  };
  return counts;
}

/** One round of the retention job: every closed programme whose retention has run out. */
export async function eraseExpiredContent(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const due = await tables(ctx.db)
    .selectFrom('programme')
    .innerJoin('host', 'host.id', 'programme.host_id')
    .select([
      'programme.id',
      'programme.name',
      'programme.host_id',
      'programme.closed_at',
      'host.closed_content_retention_days',
    ])
    .where('programme.status', '=', 'closed')
    .where('programme.closed_at', 'is not', null)
    .where('programme.content_erased_at', 'is', null)
    .execute();
  let erased = 0;
  for (const p of due) {
    if (contentErasableAt(p.closed_at!, p.closed_content_retention_days) > now) continue;
    const counts = await transact(ctx, async (tx) => {
      const db = tables(tx.db);
      // Claim it first: with several processes only one erases (and logs) a programme.
      const claim = await db
        .updateTable('programme')
        .set({ content_erased_at: now.toISOString() })
        .where('id', '=', p.id)
        .where('content_erased_at', 'is', null)
        .executeTakeFirst();
      if (affected(claim) === 0) return null;
      const counts = await eraseProgrammeContent(tx, p.id);
      await db
        .insertInto('erasure_log')
        .values({
          id: randomUUID(),
          host_id: p.host_id,
          kind: 'programme-content',
          subject_id: p.id,
          mode: 'retention',
          counts_json: JSON.stringify(counts),
          erased_by: null,
          erased_at: now.toISOString(),
        })
        .execute();
      // Revans itself acts here (no person): the trail names the programme and the counts, never content.
      await audit(tx, {
        hostId: p.host_id,
        actorId: null,
        ip: null,
        action: 'programme.contentErased',
        target: { type: 'programme', id: p.id, label: p.name },
        details: { ...counts, retentionDays: p.closed_content_retention_days },
      });
      return counts;
    });
    if (counts) {
      erased++;
      ctx.logger.info({ programmeId: p.id, counts }, "closed programme's set content erased (retention)");
    }
  }
  return erased;
}
