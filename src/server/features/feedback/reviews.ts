/**
 * The programme review: the coordinator builds a questionnaire from the template, edits it until the
 * first answer (then a change is a new version, and earlier answers keep theirs), opens it for a time,
 * reminds those who have not answered; participants answer while it is open, anonymously (a keyed hash
 * stands in for them). Free text reaches the coordinator only when its author marked it quotable, and
 * then only in the report, without a name.
 */

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Review } from '../../../contract/feedback.ts';
import { abilitiesFor, can, type PersonActor, type ReviewResource } from '../../../domain/access.ts';
import {
  type Answer,
  answerProblems,
  editOutcome,
  type Question,
  questionnaireProblems,
  reviewReminderDue,
  reviewState,
  reviewTemplate,
} from '../../../domain/feedback/questionnaire.ts';
import { programmeClosed } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { personRecipients, queueNotice } from '../notifications/mails.ts';
import { loadPreferences } from '../notifications/preferences.ts';
import { programmeResource } from '../resources.ts';
import { answerKey, participantIds } from './store.ts';

export type ReviewRow = DB['review'];

const invalid = (problems: string[]) =>
  new Problem(
    'validation-failed',
    problems.join(' '),
    problems.map((message) => ({ field: 'body', message })),
  );

export async function loadReview(
  db: Kysely<DB>,
  reviewId: string,
): Promise<{ row: ReviewRow; resource: ReviewResource }> {
  const row = await db
    .selectFrom('review')
    .innerJoin('programme', 'programme.id', 'review.programmeId')
    .selectAll('review')
    .select(['programme.hostId', 'programme.status as programmeStatus'])
    .where('review.id', '=', reviewId)
    .executeTakeFirst();
  if (!row) throw notFound('review');
  const { hostId, programmeStatus, ...review } = row;
  return {
    row: review,
    resource: {
      type: 'review',
      hostId,
      programmeId: review.programmeId,
      published: review.publishedAt !== null,
      programmeClosed: programmeClosed(programmeStatus),
    },
  };
}

export async function versionQuestions(db: Kysely<DB>, reviewId: string): Promise<Map<number, Question[]>> {
  const rows = await db
    .selectFrom('reviewVersion')
    .select(['version', 'questionsJson'])
    .where('reviewId', '=', reviewId)
    .execute();
  return new Map(rows.map((r) => [r.version, JSON.parse(r.questionsJson) as Question[]]));
}

export interface StoredResponse {
  key: string;
  version: number;
  answers: Answer[];
}

export async function responsesOf(db: Kysely<DB>, reviewId: string): Promise<StoredResponse[]> {
  const rows = await db
    .selectFrom('reviewResponse')
    .select(['respondentKey', 'version', 'answersJson'])
    .where('reviewId', '=', reviewId)
    .execute();
  return rows.map((r) => ({ key: r.respondentKey, version: r.version, answers: JSON.parse(r.answersJson) }));
}

/** A participant who has not yet been let in sees no draft: it does not exist for them. */
function hideDraft(actor: PersonActor, row: ReviewRow, resource: ReviewResource, now: Date) {
  if (!can(actor, 'review.manage', resource) && reviewState(row, now) === 'draft') throw notFound('review');
}

export async function reviewView(
  ctx: AppContext,
  actor: PersonActor,
  row: ReviewRow,
  resource: ReviewResource,
): Promise<Review> {
  const questions = (await versionQuestions(ctx.db, row.id)).get(row.version) ?? [];
  const responses = await responsesOf(ctx.db, row.id);
  const key = answerKey(ctx.config.authSecret, 'review', row.id, actor.personId);
  const mine = responses.find((r) => r.key === key);
  return {
    id: row.id,
    programmeId: row.programmeId,
    title: row.title,
    phase: row.phase,
    state: reviewState(row, ctx.now()),
    version: row.version,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    publishedAt: row.publishedAt,
    questions,
    responses: responses.length,
    invited: (await participantIds(ctx.db, row.programmeId)).length,
    mine: mine
      ? {
          version: mine.version,
          answers: mine.answers.map((a) => ({
            questionId: a.questionId,
            value: a.value,
            quotable: Boolean(a.quotable),
          })),
        }
      : null,
    abilities: abilitiesFor(actor, resource),
  };
}

export async function listReviews(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'review.list', programme);
  const rows = await ctx.db
    .selectFrom('review')
    .selectAll()
    .where('programmeId', '=', programmeId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const now = ctx.now();
  const reviews: Review[] = [];
  for (const row of rows) {
    const resource: ReviewResource = {
      type: 'review',
      hostId: programme.hostId,
      programmeId,
      published: row.publishedAt !== null,
      programmeClosed: programme.programmeClosed,
    };
    if (!can(actor, 'review.manage', resource) && reviewState(row, now) === 'draft') continue;
    reviews.push(await reviewView(ctx, actor, row, resource));
  }
  return { reviews, canCreate: can(actor, 'review.create', programme), template: reviewTemplate() };
}

export async function createReview(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: { title: string; phase: 'mid' | 'end'; questions?: Question[] | undefined },
) {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'review.create', programme);
  const questions = input.questions ?? reviewTemplate();
  const problems = questionnaireProblems(questions);
  if (problems.length) throw invalid(problems);
  const id = randomUUID();
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db
      .insertInto('review')
      .values({
        id,
        programmeId,
        title: input.title,
        phase: input.phase,
        version: 1,
        opensAt: null,
        closesAt: null,
        publishedAt: null,
        remindedAt: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await tx.db
      .insertInto('reviewVersion')
      .values({ reviewId: id, version: 1, questionsJson: JSON.stringify(questions), createdAt: now })
      .execute();
  });
  const { row, resource } = await loadReview(ctx.db, id);
  return reviewView(ctx, actor, row, resource);
}

export async function getReview(ctx: AppContext, actor: PersonActor, reviewId: string) {
  const { row, resource } = await loadReview(ctx.db, reviewId);
  authorize(actor, 'review.read', resource);
  hideDraft(actor, row, resource, ctx.now());
  return reviewView(ctx, actor, row, resource);
}

export async function updateReview(
  ctx: AppContext,
  actor: PersonActor,
  reviewId: string,
  input: {
    title?: string | undefined;
    opensAt?: string | null | undefined;
    closesAt?: string | null | undefined;
    questions?: Question[] | undefined;
    newVersion: boolean;
  },
) {
  const { row, resource } = await loadReview(ctx.db, reviewId);
  authorize(actor, 'review.manage', resource);
  const now = ctx.now();
  const opensAt =
    input.opensAt === undefined ? row.opensAt : input.opensAt && new Date(input.opensAt).toISOString();
  const closesAt =
    input.closesAt === undefined ? row.closesAt : input.closesAt && new Date(input.closesAt).toISOString();
  if (closesAt && !opensAt) throw invalid(['Give the review an opening date before its closing date.']);
  if (opensAt && closesAt && closesAt <= opensAt) throw invalid(['The review must close after it opens.']);
  const versions = await versionQuestions(ctx.db, reviewId);
  const responses = await responsesOf(ctx.db, reviewId);
  let version = row.version;
  let replace: Question[] | null = null;
  if (input.questions) {
    const problems = questionnaireProblems(input.questions);
    if (problems.length) throw invalid(problems);
    const answered = responses.some((r) => r.version === row.version);
    const outcome = editOutcome(versions.get(row.version) ?? [], input.questions, answered);
    if (outcome !== 'unchanged' && reviewState(row, now) === 'closed')
      throw conflict('This review is closed, so its questions can no longer change.');
    if (outcome === 'new-version' && !input.newVersion)
      throw conflict(
        responses.length === 1
          ? 'This review already has an answer, so its questions are no longer edited in place. Save the changes as a new version: the answer given so far keeps the questions it answered.'
          : 'This review already has {{count}} answers, so its questions are no longer edited in place. Save the changes as a new version: the answers given so far keep the questions they answered.',
        'body.questions',
        { count: responses.length },
      );
    if (outcome === 'new-version') version = row.version + 1;
    if (outcome !== 'unchanged') replace = input.questions;
  }
  const stamp = now.toISOString();
  await transact(ctx, async (tx) => {
    if (replace && version === row.version)
      await tx.db
        .updateTable('reviewVersion')
        .set({ questionsJson: JSON.stringify(replace) })
        .where('reviewId', '=', reviewId)
        .where('version', '=', version)
        .execute();
    else if (replace)
      await tx.db
        .insertInto('reviewVersion')
        .values({ reviewId, version, questionsJson: JSON.stringify(replace), createdAt: stamp })
        .execute();
    await tx.db
      .updateTable('review')
      .set({ title: input.title ?? row.title, opensAt, closesAt, version, updatedAt: stamp })
      .where('id', '=', reviewId)
      .execute();
  });
  const fresh = await loadReview(ctx.db, reviewId);
  return reviewView(ctx, actor, fresh.row, fresh.resource);
}

const closedSentence = (row: ReviewRow, now: Date) => {
  const state = reviewState(row, now);
  if (state === 'closed')
    return `This review closed on ${row.closesAt!.slice(0, 10)}, so it no longer takes answers.`;
  if (state === 'scheduled') return `This review opens on ${row.opensAt!.slice(0, 10)}: answer it then.`;
  return 'This review is not open yet, so it takes no answers.';
};

export async function answerReview(ctx: AppContext, actor: PersonActor, reviewId: string, answers: Answer[]) {
  const { row, resource } = await loadReview(ctx.db, reviewId);
  authorize(actor, 'review.answer', resource);
  hideDraft(actor, row, resource, ctx.now());
  if (reviewState(row, ctx.now()) !== 'open') throw conflict(closedSentence(row, ctx.now()));
  const questions = (await versionQuestions(ctx.db, reviewId)).get(row.version) ?? [];
  const problems = answerProblems(questions, answers);
  if (problems.length) throw invalid(problems);
  const kept = answers
    .filter((a) => a.value !== null && a.value !== '')
    .map((a) => {
      const q = questions.find((x) => x.id === a.questionId)!;
      return q.kind === 'text'
        ? { questionId: a.questionId, value: String(a.value).trim(), quotable: Boolean(a.quotable) }
        : { questionId: a.questionId, value: a.value, quotable: false };
    });
  const key = answerKey(ctx.config.authSecret, 'review', reviewId, actor.personId);
  const values = { version: row.version, answersJson: JSON.stringify(kept) };
  await ctx.db
    .insertInto('reviewResponse')
    .values({ reviewId, respondentKey: key, ...values })
    .onConflict((oc) => oc.columns(['reviewId', 'respondentKey']).doUpdateSet(values))
    .execute();
  return reviewView(ctx, actor, row, resource);
}

/** Mails everyone taking part who has not answered yet (unless they turned review mails off). */
export async function remindReview(ctx: AppContext, actor: PersonActor, reviewId: string) {
  const { row, resource } = await loadReview(ctx.db, reviewId);
  authorize(actor, 'review.manage', resource);
  if (reviewState(row, ctx.now()) !== 'open')
    throw conflict('Reminders go out only while the review is open: set its opening date first.');
  return sendReviewReminders(ctx, row);
}

/**
 * The scheduler's round: each open review whose reminder is due (when it opens, and in its last days)
 * reminds those who have not answered. Claiming the review first means one process sends, not each.
 */
export async function dueReviewReminders(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const open = await ctx.db
    .selectFrom('review')
    .innerJoin('programme', 'programme.id', 'review.programmeId')
    .selectAll('review')
    .where('review.opensAt', 'is not', null)
    .where('review.opensAt', '<=', now.toISOString())
    .where('programme.status', '!=', 'closed')
    .execute();
  let queued = 0;
  for (const row of open) {
    if (!reviewReminderDue(row, now)) continue;
    const claimed = await ctx.db
      .updateTable('review')
      .set({ remindedAt: now.toISOString() })
      .where('id', '=', row.id)
      .where((eb) =>
        row.remindedAt === null ? eb('remindedAt', 'is', null) : eb('remindedAt', '=', row.remindedAt),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    queued += (await sendReviewReminders(ctx, row)).queued;
  }
  return queued;
}

async function sendReviewReminders(ctx: AppContext, row: ReviewRow) {
  const reviewId = row.id;
  const answered = new Set((await responsesOf(ctx.db, reviewId)).map((r) => r.key));
  const waiting = (await participantIds(ctx.db, row.programmeId)).filter(
    (id) => !answered.has(answerKey(ctx.config.authSecret, 'review', reviewId, id)),
  );
  const recipients = await personRecipients(ctx.db, waiting);
  const prefs = await loadPreferences(
    ctx.db,
    recipients.map((r) => r.personId),
  );
  const programme = await ctx.db
    .selectFrom('programme')
    .select('name')
    .where('id', '=', row.programmeId)
    .executeTakeFirstOrThrow();
  return transact(ctx, async (tx) => {
    let queued = 0;
    for (const to of recipients) {
      const t = tx.i18n.getFixedT(to.language, 'mail');
      const closes = row.closesAt ? t('reviews.closesLine', { date: row.closesAt.slice(0, 10) }) : null;
      const sent = await queueNotice(tx, to, prefs.get(to.personId)!, {
        preference: 'reviews',
        template: 'reviewReminder',
        vars: { programmeName: programme.name, title: row.title },
        details: closes ? [closes] : [],
        actionPath: `/reviews/${reviewId}`,
      });
      if (sent) queued++;
    }
    await tx.db
      .updateTable('review')
      .set({ remindedAt: tx.now().toISOString() })
      .where('id', '=', reviewId)
      .execute();
    return { queued };
  });
}

export async function publishReport(
  ctx: AppContext,
  actor: PersonActor,
  reviewId: string,
  published: boolean,
) {
  const { row, resource } = await loadReview(ctx.db, reviewId);
  authorize(actor, 'report.publish', resource);
  if (published && reviewState(row, ctx.now()) === 'draft')
    throw conflict('This review has not opened yet, so it has no report to publish.');
  const stamp = ctx.now().toISOString();
  await ctx.db
    .updateTable('review')
    .set({ publishedAt: published ? (row.publishedAt ?? stamp) : null, updatedAt: stamp })
    .where('id', '=', reviewId)
    .execute();
  const fresh = await loadReview(ctx.db, reviewId);
  return reviewView(ctx, actor, fresh.row, fresh.resource);
}
