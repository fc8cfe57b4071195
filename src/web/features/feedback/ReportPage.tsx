import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  downloadReportCsv,
  downloadReportPdf,
  getReport,
  publishReport,
  type ReviewReport,
} from '../../../contract/feedback.ts';
import { pathOf } from '../../../contract/route.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { useMe } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { AggregateText } from './AggregateText.tsx';
import { Chart } from './Chart.tsx';
import { SetPulseTrend } from './SetPulseTrend.tsx';
import './feedback.css';

const pct = (r: number | null, na: string) => (r === null ? na : `${Math.round(r * 100)}%`);

function ChartFor({ report, id }: { report: ReviewReport; id: string }) {
  const chart = report.charts.find((c) => c.id === id);
  return chart ? <Chart id={id} option={chart.option} summary={chart.summary} /> : null;
}

/** /reviews/:reviewId/report: the review's report, its charts, exports and publication. */
export function ReportPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const me = useMe();
  const { reviewId = '' } = useParams();
  const report = useRoute(getReport, { params: { id: reviewId } });
  const [error, setError] = useState<string | null>(null);
  useTitle(
    report.data
      ? t('feedback.report.pageTitle', { title: report.data.review.title })
      : t('feedback.review.loading'),
  );
  if (report.error && !report.data) return <LoadError error={report.error} retry={report.reload} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const na = t('feedback.report.na');
  const publish = async (published: boolean) => {
    try {
      await call(publishReport, { params: { id: r.review.id }, body: { published } });
      report.reload();
      announce(published ? t('feedback.report.publishedNow') : t('feedback.report.unpublishedNow'));
    } catch (err) {
      setError(problemText(t, err));
    }
  };
  const mySets = me.sets.filter((s) => s.programme.id === r.review.programmeId && !s.archived);
  return (
    <div className="report-page">
      <PageHeader
        title={t('feedback.report.pageTitle', { title: r.review.title })}
        lead={t('feedback.report.kRule', { k: r.k })}
      />
      <p>
        <Link to={`/reviews/${r.review.id}`}>{t('feedback.report.toReview')}</Link> ·{' '}
        <a href={pathOf(downloadReportPdf, { params: { id: r.review.id } })} download>
          {t('feedback.report.pdf')}
        </a>{' '}
        ·{' '}
        <a href={pathOf(downloadReportCsv, { params: { id: r.review.id } })} download>
          {t('feedback.report.csv')}
        </a>
      </p>
      {r.review.abilities['report.publish'] ? (
        <div className="form-actions">
          {r.review.publishedAt ? (
            <>
              <p>{t('feedback.report.isPublished')}</p>
              <Button variant="secondary" onClick={() => publish(false)}>
                {t('feedback.report.unpublish')}
              </Button>
            </>
          ) : (
            <Button onClick={() => publish(true)}>{t('feedback.report.publish')}</Button>
          )}
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="rate-heading">
        <h2 id="rate-heading">{t('feedback.report.responseRate')}</h2>
        <p>
          {t('feedback.report.responses', {
            responses: r.responseRate.responses,
            invited: r.responseRate.invited,
            percent: pct(r.responseRate.rate, na),
          })}
        </p>
        {!r.enough ? (
          <p>{t('feedback.notEnough', { count: r.responseRate.responses, needed: r.k })}</p>
        ) : null}
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('feedback.report.questions')}</h2>
        {r.questions.map((q) => {
          const key = `${q.question.id}-${q.version}`;
          return (
            <section key={key} className="card review-question" aria-labelledby={`rq-${key}`}>
              <h3 id={`rq-${key}`} className="card__title">
                {q.question.text}
              </h3>
              <p className="muted">
                {t(`feedback.levels.${q.question.level}`)}
                {q.version !== r.review.version
                  ? ` · ${t('feedback.report.version', { version: q.version })}`
                  : ''}
              </p>
              {q.scale ? <AggregateText label={t('feedback.report.answers')} aggregate={q.scale} /> : null}
              {q.choice ? <AggregateText label={t('feedback.report.answers')} aggregate={q.choice} /> : null}
              {q.scale?.shown || q.choice?.shown ? (
                <>
                  {q.version === r.review.version ||
                  !r.charts.some((c) => c.id === `question-${q.question.id}`) ? (
                    <ChartFor report={r} id={`question-${q.question.id}`} />
                  ) : null}
                  <table className="report-figures">
                    <caption className="visually-hidden">{q.question.text}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('feedback.report.answer')}</th>
                        <th scope="col">{t('feedback.report.count')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(q.scale?.shown ? q.scale.distribution : q.choice?.shown ? q.choice.counts : []).map(
                        (n, i) => (
                          <tr key={String(i)}>
                            <td>
                              {q.scale ? t(`feedback.scale.${i + 1}`) : (q.question.options?.[i] ?? '')}
                            </td>
                            <td>{n}</td>
                          </tr>
                        ),
                      )}
                    </tbody>
                  </table>
                </>
              ) : null}
              {q.kind === 'text' ? (
                <p>
                  {t('feedback.report.textCounts', { answered: q.answered ?? 0, quotable: q.quotable ?? 0 })}
                </p>
              ) : null}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="pulses-heading">
        <h2 id="pulses-heading">{t('feedback.report.pulses')}</h2>
        <AggregateText label={t('feedback.pulse.usefulShort')} aggregate={r.pulses.overall.useful} />
        <AggregateText label={t('feedback.pulse.safeShort')} aggregate={r.pulses.overall.safe} />
        <ChartFor report={r} id="pulses" />
        {mySets.map((s) => (
          <SetPulseTrend key={s.id} setId={s.id} name={s.name} level={3} />
        ))}
      </section>

      <section aria-labelledby="sets-heading">
        <h2 id="sets-heading">{t('feedback.report.sets')}</h2>
        <table className="report-figures">
          <thead>
            <tr>
              <th scope="col">{t('feedback.report.set')}</th>
              <th scope="col">{t('feedback.report.meetingsHeld')}</th>
              <th scope="col">{t('feedback.report.attendance')}</th>
              <th scope="col">{t('feedback.report.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {r.sets.map((s) => (
              <tr key={s.setId}>
                <th scope="row">{s.setName}</th>
                <td>{s.meetingsHeld}</td>
                <td>
                  {s.present} / {s.places} ({pct(s.attendanceRate, na)})
                </td>
                <td>
                  {s.actionsCompleted} / {s.actionsCommitted} ({pct(s.completionRate, na)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ChartFor report={r} id="sets" />
      </section>

      <section aria-labelledby="workshops-heading">
        <h2 id="workshops-heading">{t('feedback.report.workshops')}</h2>
        {r.workshops.length ? (
          <table className="report-figures">
            <thead>
              <tr>
                <th scope="col">{t('feedback.report.workshop')}</th>
                <th scope="col">{t('feedback.report.coming')}</th>
                <th scope="col">{t('feedback.report.attended')}</th>
              </tr>
            </thead>
            <tbody>
              {r.workshops.map((w) => (
                <tr key={w.workshopId}>
                  <th scope="row">{w.title}</th>
                  <td>{w.coming}</td>
                  <td>{w.attended ?? t('feedback.report.notRecorded')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('feedback.report.noWorkshops')}</p>
        )}
      </section>

      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">{t('feedback.report.quotes')}</h2>
        {r.quotes.length ? (
          <ul className="report-quotes">
            {r.quotes.map((q, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: quotes carry no id, on purpose
              <li key={i}>
                <q>{q.text}</q> <span className="muted">({q.question})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('feedback.report.noQuotes')}</p>
        )}
      </section>
    </div>
  );
}
