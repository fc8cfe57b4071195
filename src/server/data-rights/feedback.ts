/**
 * A person's anonymous answers: pulses after meetings and review answers. They are stored under a keyed
 * hash, not a person id, so no one else can tie them to the person; the server finds them again for their
 * own download, and on erasure takes out the words they wrote (the numbers stay in the figures).
 */
import type { Tables } from './types.ts';
import { affected, type Contributor, type Subject, tables } from './types.ts';

/** Meetings and reviews the person could have answered: those of the sets and programmes they are in. */
async function candidates(db: Tables, subject: Subject, programmeId?: string) {
  let sets = db
    .selectFrom('set_membership')
    .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
    .select(['learning_set.id', 'learning_set.programme_id'])
    .where('set_membership.person_id', '=', subject.personId);
  if (programmeId) sets = sets.where('learning_set.programme_id', '=', programmeId);
  const rows = await sets.execute();
  const setIds = rows.map((r) => r.id);
  const programmeIds = [...new Set(rows.map((r) => r.programme_id))];
  const meetings = setIds.length
    ? await db.selectFrom('meeting').select(['id', 'starts_at']).where('set_id', 'in', setIds).execute()
    : [];
  const reviews = programmeIds.length
    ? await db
        .selectFrom('review')
        .select(['id', 'title'])
        .where('programme_id', 'in', programmeIds)
        .execute()
    : [];
  return { meetings, reviews };
}

async function found(db: Tables, subject: Subject, programmeId?: string) {
  const { meetings, reviews } = await candidates(db, subject, programmeId);
  const pulseKeys = new Map(meetings.map((m) => [subject.answerKey('pulse', m.id), m]));
  const reviewKeys = new Map(reviews.map((r) => [subject.answerKey('review', r.id), r]));
  const pulses = pulseKeys.size
    ? await db
        .selectFrom('pulse')
        .selectAll()
        .where('answer_key', 'in', [...pulseKeys.keys()])
        .execute()
    : [];
  const responses = reviewKeys.size
    ? await db
        .selectFrom('review_response')
        .selectAll()
        .where('respondent_key', 'in', [...reviewKeys.keys()])
        .execute()
    : [];
  return { pulses, responses, pulseKeys, reviewKeys };
}

export const feedbackAnswers: Contributor = {
  kind: 'pulses and review answers',
  async collect(db, subject, scope) {
    const { pulses, responses, pulseKeys, reviewKeys } = await found(db, subject, scope.programmeId);
    if (!pulses.length && !responses.length) return null;
    const data = {
      pulses: pulses.map((p) => ({
        meetingAt: pulseKeys.get(p.answer_key)?.starts_at ?? null,
        useful: p.useful,
        safe: p.safe,
        comment: p.comment,
      })),
      reviewAnswers: responses.map((r) => ({
        review: reviewKeys.get(r.respondent_key)?.title ?? '',
        answers: JSON.parse(r.answers_json) as unknown[],
      })),
    };
    const markdown = [
      ...data.pulses.map(
        (p) =>
          `- Pulse after the meeting of ${String(p.meetingAt ?? '').slice(0, 10)}: useful ${p.useful}/5, safe ${p.safe}/5${p.comment ? ` ("${p.comment}")` : ''}`,
      ),
      ...data.reviewAnswers.map((r) => `- Answers to the review "${r.review}": ${r.answers.length}`),
    ].join('\n');
    return { key: 'feedback', title: 'My pulses and review answers', data, markdown };
  },
  async count(db, subject) {
    const { pulses, responses } = await found(db, subject);
    return pulses.length + responses.length;
  },
  async erase(tx, subject) {
    const db = tables(tx.db);
    const { pulses, responses } = await found(db, subject);
    let changed = 0;
    // The numbers stay in the figures; the words they wrote go, whichever way the host erases.
    if (pulses.length)
      changed += affected(
        await db
          .updateTable('pulse')
          .set({ comment: '' })
          .where(
            'answer_key',
            'in',
            pulses.map((p) => p.answer_key),
          )
          .execute(),
      );
    for (const r of responses) {
      const version = await db
        .selectFrom('review_version')
        .select('questions_json')
        .where('review_id', '=', r.review_id)
        .where('version', '=', r.version)
        .executeTakeFirst();
      const textQuestions = new Set(
        (JSON.parse(version?.questions_json ?? '[]') as { id: string; kind: string }[])
          .filter((q) => q.kind === 'text')
          .map((q) => q.id),
      );
      const answers = (JSON.parse(r.answers_json) as { questionId: string; value: unknown }[]).map((a) =>
        textQuestions.has(a.questionId) ? { ...a, value: '', quotable: false } : a,
      );
      changed += affected(
        await db
          .updateTable('review_response')
          .set({ answers_json: JSON.stringify(answers) })
          .where('review_id', '=', r.review_id)
          .where('respondent_key', '=', r.respondent_key)
          .execute(),
      );
    }
    return changed;
  },
};
