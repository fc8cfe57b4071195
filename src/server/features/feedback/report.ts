/**
 * The review's report: response rate, each question's distribution, the programme's pulse trend,
 * attendance and action follow-through per set (counts and rates, never texts), and the comments their
 * authors let be quoted, without names and in random order. Everything K-ruled. The charts' options
 * come from one builder (src/domain/feedback/charts.ts) for the page and the PDF alike.
 */
import type { ReviewReport } from '../../../contract/feedback.ts';
import { can, type PersonActor } from '../../../domain/access.ts';
import { distributionOption, ratesOption, trendOption } from '../../../domain/feedback/charts.ts';
import { enoughAnswers, rate, releaseTexts } from '../../../domain/feedback/k-rule.ts';
import { pulseOpen } from '../../../domain/feedback/pulse.ts';
import {
  type Answer,
  type Question,
  questionResults,
  sameQuestions,
} from '../../../domain/feedback/questionnaire.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { programmePulseFigures } from './pulses.ts';
import { loadReview, responsesOf, reviewView, versionQuestions } from './reviews.ts';
import { hostK } from './store.ts';

const percent = (r: number | null, na: string) => (r === null ? na : `${Math.round(r * 100)}%`);

/** Per set: meetings held, attendance at them, actions committed and completed. Counts only. */
async function setFigures(ctx: AppContext, programmeId: string) {
  const now = ctx.now();
  const sets = await ctx.db
    .selectFrom('learningSet')
    .select(['id', 'name'])
    .where('programmeId', '=', programmeId)
    .where('archivedAt', 'is', null)
    .orderBy('name')
    .execute();
  const figures = [];
  for (const set of sets) {
    const held = (
      await ctx.db
        .selectFrom('meeting')
        .select(['id', 'status', 'endsAt'])
        .where('setId', '=', set.id)
        .execute()
    ).filter((m) => pulseOpen(m, now));
    const attendance = held.length
      ? await ctx.db
          .selectFrom('meetingAttendance')
          .select('status')
          .where(
            'meetingId',
            'in',
            held.map((m) => m.id),
          )
          .execute()
      : [];
    // Everyone on the set's roster had a place at each held meeting (as the meeting page counts them).
    const roster = await ctx.db
      .selectFrom('setMembership')
      .innerJoin('person', 'person.id', 'setMembership.personId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('setMembership.setId', '=', set.id)
      .where('person.archivedAt', 'is', null)
      .executeTakeFirstOrThrow();
    const places = Math.max(held.length * Number(roster.n), attendance.length);
    const present = attendance.filter((a) => a.status === 'present').length;
    const actions = await ctx.db.selectFrom('action').select('status').where('setId', '=', set.id).execute();
    const completed = actions.filter((a) => a.status === 'done').length;
    figures.push({
      setId: set.id,
      setName: set.name,
      meetingsHeld: held.length,
      places,
      present,
      attendanceRate: rate(present, places),
      actionsCommitted: actions.length,
      actionsCompleted: completed,
      completionRate: rate(completed, actions.length),
    });
  }
  return figures;
}

/** Per workshop of the programme: answers "coming" and, once recorded, how many attended. Counts only. */
async function workshopFigures(ctx: AppContext, programmeId: string): Promise<ReviewReport['workshops']> {
  const workshops = await ctx.db
    .selectFrom('workshop')
    .leftJoin('programmeEvent', 'programmeEvent.id', 'workshop.eventId')
    .select([
      'workshop.id',
      'workshop.title',
      'workshop.comingCount',
      'workshop.attendanceRecordedAt',
      'programmeEvent.startsAt',
    ])
    .where('workshop.programmeId', '=', programmeId)
    .orderBy('programmeEvent.startsAt')
    .execute();
  const figures: ReviewReport['workshops'] = [];
  for (const w of workshops) {
    const attended = w.attendanceRecordedAt
      ? await ctx.db
          .selectFrom('workshopAttendance')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workshopId', '=', w.id)
          .where('present', '=', 1)
          .executeTakeFirstOrThrow()
      : null;
    figures.push({
      workshopId: w.id,
      title: w.title,
      startsAt: w.startsAt ? new Date(w.startsAt).toISOString() : null,
      coming: Number(w.comingCount),
      attended: attended ? Number(attended.n) : null,
    });
  }
  return figures;
}

/**
 * Each question once: the newest version's questions first, then any question only older versions
 * asked. A question asked in the same words in several versions gathers the answers of all of them.
 */
function mergedQuestions(
  versions: Map<number, Question[]>,
  responses: { version: number; answers: Answer[] }[],
): { question: Question; version: number; answers: Answer[][] }[] {
  const list: { question: Question; version: number; answers: Answer[][] }[] = [];
  for (const version of [...versions.keys()].sort((a, b) => b - a)) {
    for (const question of versions.get(version)!) {
      if (list.some((l) => sameQuestions([l.question], [question]))) continue;
      const answers = responses
        .filter((r) => versions.get(r.version)?.some((q) => sameQuestions([q], [question])))
        .map((r) => r.answers);
      list.push({ question, version, answers });
    }
  }
  return list;
}

export async function buildReport(
  ctx: AppContext,
  actor: PersonActor,
  reviewId: string,
): Promise<ReviewReport> {
  const { row, resource } = await loadReview(ctx.db, reviewId);
  if (!can(actor, 'review.readReport', resource)) authorize(actor, 'report.readPublished', resource);
  const t = ctx.i18n.getFixedT(actor.language ?? 'en', 'record');
  const na = t('reviewReport.notApplicable');
  const k = await hostK(ctx.db, resource.hostId);
  // The report is one document for all its readers: it carries nobody's own answers, the viewer's included.
  const review = { ...(await reviewView(ctx, actor, row, resource)), mine: null };
  const versions = await versionQuestions(ctx.db, reviewId);
  const responses = await responsesOf(ctx.db, reviewId);
  const enough = enoughAnswers(responses.length, k);
  const charts: ReviewReport['charts'] = [];

  const questions = mergedQuestions(versions, responses).map(({ question, version, answers }) => {
    const [result] = questionResults([question], answers, k);
    if (result!.kind === 'scale') {
      const a = result!.aggregate;
      if (a.shown) {
        const summary = t('reviewReport.scaleSummary', {
          count: a.count,
          mean: a.mean,
          points: a.distribution
            .map((n, i) => t('reviewReport.scalePoint', { point: i + 1, count: n }))
            .join(', '),
        });
        charts.push({
          id: `question-${question.id}`,
          title: question.text,
          summary,
          option: distributionOption(
            { title: question.text, summary },
            ['1', '2', '3', '4', '5'],
            a.distribution,
          ),
        });
      }
      return { question, version, kind: 'scale' as const, scale: a };
    }
    if (result!.kind === 'choice') {
      const a = result!.aggregate;
      if (a.shown) {
        const options = question.options ?? [];
        const summary = t('reviewReport.choiceSummary', {
          count: a.count,
          options: options
            .map((o, i) => t('reviewReport.choiceOption', { option: o, count: a.counts[i] }))
            .join(', '),
        });
        charts.push({
          id: `question-${question.id}`,
          title: question.text,
          summary,
          option: distributionOption({ title: question.text, summary }, options, a.counts),
        });
      }
      return { question, version, kind: 'choice' as const, choice: a };
    }
    const text = result as Extract<typeof result, { kind: 'text' }>;
    return {
      question,
      version,
      kind: 'text' as const,
      answered: enough ? text.answered : 0,
      quotable: enough ? text.quotable : 0,
    };
  });

  // Quotes: only words their author marked quotable, only once K have answered, never with a name.
  const quotable = responses.flatMap((r) =>
    r.answers
      .filter((a) => a.quotable && typeof a.value === 'string' && a.value.trim())
      .map((a) => {
        const q = versions.get(r.version)?.find((x) => x.id === a.questionId);
        return { questionId: a.questionId, question: q?.text ?? '', text: String(a.value) };
      }),
  );
  const released = releaseTexts(
    quotable.map((_, i) => String(i)),
    responses.length,
    k,
    Math.random,
  );
  const quotes = released ? released.map((i) => quotable[Number(i)]!) : [];

  const pulses = await programmePulseFigures(ctx, row.programmeId, k);
  // A month as its readers name it ("March 2027", "mars 2027"), not as its key (2027-03).
  const monthNames = new Intl.DateTimeFormat(actor.language ?? 'en', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthName = (key: string) => monthNames.format(new Date(`${key}-01T00:00:00Z`));
  if (pulses.months.length) {
    const mean = (a: { shown: boolean; mean?: number }) => (a.shown ? (a.mean ?? null) : null);
    const summary = t('reviewReport.pulsesTrendSummary', {
      points: pulses.months
        .map((m) =>
          m.summary.useful.shown && m.summary.safe.shown
            ? t('reviewReport.pulsesMonth', {
                month: monthName(m.key),
                useful: m.summary.useful.mean,
                safe: m.summary.safe.mean,
              })
            : t('reviewReport.pulsesMonthHidden', { month: monthName(m.key) }),
        )
        .join('; '),
    });
    charts.push({
      id: 'pulses',
      title: t('reviewReport.pulsesTrend'),
      summary,
      option: trendOption(
        { title: t('reviewReport.pulsesTrend'), summary },
        pulses.months.map((m) => monthName(m.key)),
        [
          { name: t('reviewReport.useful'), values: pulses.months.map((m) => mean(m.summary.useful)) },
          { name: t('reviewReport.safe'), values: pulses.months.map((m) => mean(m.summary.safe)) },
        ],
      ),
    });
  }

  const sets = await setFigures(ctx, row.programmeId);
  if (sets.length) {
    const pct = (r: number | null) => (r === null ? null : Math.round(r * 100));
    const summary = t('reviewReport.setsSummary', {
      points: sets
        .map((s) =>
          t('reviewReport.setsPoint', {
            set: s.setName,
            attendance: percent(s.attendanceRate, na),
            completion: percent(s.completionRate, na),
          }),
        )
        .join('; '),
    });
    charts.push({
      id: 'sets',
      title: t('reviewReport.sets'),
      summary,
      option: ratesOption(
        { title: t('reviewReport.sets'), summary },
        sets.map((s) => s.setName),
        [
          { name: t('reviewReport.attendance'), values: sets.map((s) => pct(s.attendanceRate)) },
          { name: t('reviewReport.completion'), values: sets.map((s) => pct(s.completionRate)) },
        ],
      ),
    });
  }

  return {
    review,
    k,
    responseRate: {
      responses: responses.length,
      invited: review.invited,
      rate: rate(responses.length, review.invited),
    },
    enough,
    questions,
    quotes,
    pulses,
    sets,
    workshops: await workshopFigures(ctx, row.programmeId),
    charts,
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The report as CSV, one figure a line: section, item, measure, value. Aggregates and quotes only. */
export function reportCsv(report: ReviewReport): string {
  const rows: (string | number | null)[][] = [['section', 'item', 'measure', 'value']];
  rows.push(['response', report.review.title, 'responses', report.responseRate.responses]);
  rows.push(['response', report.review.title, 'invited', report.responseRate.invited]);
  rows.push(['response', report.review.title, 'rate', report.responseRate.rate]);
  rows.push(['response', report.review.title, 'k', report.k]);
  for (const q of report.questions) {
    const item = `${q.question.id} ${q.question.text}`;
    rows.push(['question', item, 'level', q.question.level]);
    if (q.scale?.shown) {
      rows.push(['question', item, 'answers', q.scale.count], ['question', item, 'mean', q.scale.mean]);
      q.scale.distribution.forEach((n, i) => {
        rows.push(['question', item, `answered ${i + 1}`, n]);
      });
    } else if (q.choice?.shown) {
      rows.push(['question', item, 'answers', q.choice.count]);
      q.choice.counts.forEach((n, i) => {
        rows.push(['question', item, `chose ${q.question.options?.[i] ?? i}`, n]);
      });
    } else if (q.kind === 'text') {
      rows.push(
        ['question', item, 'answers', q.answered ?? 0],
        ['question', item, 'quotable', q.quotable ?? 0],
      );
    } else rows.push(['question', item, 'answers', 'not enough answers yet']);
  }
  for (const m of report.pulses.months) {
    rows.push(['pulse', m.key, 'answers', m.summary.count]);
    rows.push([
      'pulse',
      m.key,
      'mean useful',
      m.summary.useful.shown ? m.summary.useful.mean : 'not enough answers yet',
    ]);
    rows.push([
      'pulse',
      m.key,
      'mean safe',
      m.summary.safe.shown ? m.summary.safe.mean : 'not enough answers yet',
    ]);
  }
  for (const s of report.sets) {
    rows.push(['set', s.setName, 'meetings held', s.meetingsHeld]);
    rows.push(['set', s.setName, 'present', s.present], ['set', s.setName, 'places', s.places]);
    rows.push(['set', s.setName, 'attendance rate', s.attendanceRate]);
    rows.push(['set', s.setName, 'actions committed', s.actionsCommitted]);
    rows.push(['set', s.setName, 'actions completed', s.actionsCompleted]);
    rows.push(['set', s.setName, 'completion rate', s.completionRate]);
  }
  for (const w of report.workshops) {
    rows.push(['workshop', w.title, 'coming', w.coming]);
    rows.push(['workshop', w.title, 'attended', w.attended ?? 'not recorded']);
  }
  for (const q of report.quotes) rows.push(['quote', q.question, 'text', q.text]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
