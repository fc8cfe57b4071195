import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  downloadRecordPdf,
  getMeeting,
  getMeetingRecord,
  type Meeting,
  type MeetingRecord,
} from '../../../contract/meetings.ts';
import { pathOf } from '../../../contract/route.ts';
import { getSet } from '../../../contract/sets.ts';
import { useRoute } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { Failure, LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { MeetingCrumbs } from './MeetingCrumbs.tsx';
import { outcomeTone } from './outcome.ts';
import { minutesText } from './time.ts';
import './meetings.css';
import { useTimeFormat } from '../../app/time.ts';

/** /meetings/:meetingId/record: what the viewer keeps from a meeting, on screen, as Markdown and as PDF. */
export function RecordPage() {
  const { meetingId = '' } = useParams();
  const meeting = useRoute(getMeeting, { params: { id: meetingId } });
  if (!meeting.data)
    return meeting.error ? <Failure error={meeting.error} retry={meeting.reload} /> : <Loading />;
  if (!meeting.data.abilities['meeting.join']) return <NotFoundPage />;
  return <Record meeting={meeting.data} />;
}

/** A download link for the Markdown the server made of the record (the same `toMarkdown` as the domain's). */
function useMarkdownLink(markdown: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!markdown) return;
    const next = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [markdown]);
  return url;
}

function Record({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const time = useTimeFormat();
  const set = useRoute(getSet, { params: { id: meeting.setId } });
  const held = useRoute(getMeetingRecord, { params: { id: meeting.id } });
  const download = useMarkdownLink(held.data?.markdown ?? null);
  const day = time.day(meeting.startsAt);
  const setName = set.data?.name ?? '';
  useTitle(t('meeting.record.pageTitle', { day }));
  const notHeld = isProblem(held.error) && held.error.status === 404;

  return (
    <section className="page page--narrow record">
      <MeetingCrumbs setId={meeting.setId} setName={setName} current={t('meeting.record.crumb')} />
      <PageHeader
        title={t('meeting.record.title', { day })}
        meta={<span>{time.whenText(meeting)}</span>}
        lead={t('meeting.record.lead')}
        actions={
          download ? (
            <>
              <a
                className="button button--secondary"
                href={download}
                download={`meeting-record-${meeting.localStart.slice(0, 10)}.md`}
              >
                {t('meeting.record.download')}
              </a>
              <a
                className="button button--secondary"
                href={pathOf(downloadRecordPdf, { params: { id: meeting.id } })}
                download={`meeting-record-${meeting.localStart.slice(0, 10)}.pdf`}
              >
                {t('meeting.record.downloadPdf')}
              </a>
            </>
          ) : null
        }
      />
      {held.data ? (
        <RecordBody record={held.data.record} language={i18n.language} />
      ) : notHeld ? (
        <p className="callout callout--info">{t('meeting.record.notHeld')}</p>
      ) : held.error ? (
        <LoadError error={held.error} retry={held.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

/** Records never reorder, so a position is a stable key for items that have no id of their own. */
const keyed = <T,>(items: readonly T[], prefix: string) =>
  items.map((item, n) => ({ item, key: `${prefix}${n}` }));

function RecordBody({ record, language }: { record: MeetingRecord; language: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { mine } = record;
  const list = (names: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
  return (
    <>
      {record.status !== 'ended' ? (
        <p className="callout callout--info">{t(`meeting.record.status.${record.status}`)}</p>
      ) : null}
      {mine.turn ? (
        <section className="section record__mine" aria-labelledby="record-turn">
          <h2 id="record-turn">
            {mine.turn.problem
              ? t('meeting.record.myProblem', { title: mine.turn.problem.title })
              : t('meeting.record.myTurn')}
          </h2>
          <p className="muted">
            {minutesText(t, mine.turn.airtimeMs, {
              minutes: 'meeting.record.airtime',
              under: 'meeting.record.airtimeUnder',
            })}
          </p>
          {mine.turn.problem ? (
            <div className="record__statements">
              <p className="record__label">{t('meeting.record.asBrought')}</p>
              <blockquote>{mine.turn.problem.statementBrought}</blockquote>
              {keyed(mine.turn.problem.reframes, 'r').map(({ item: r, key }, i) => (
                <div key={key}>
                  <p className="record__label">{t('meeting.record.reframed', { n: i + 1 })}</p>
                  <blockquote className="is-reframe">{r}</blockquote>
                </div>
              ))}
            </div>
          ) : null}
          <h3>{t('meeting.record.questions', { count: mine.turn.questions.length })}</h3>
          {mine.turn.questions.length ? (
            <ul className="record__questions">
              {keyed(mine.turn.questions, 'q').map(({ item: q, key }) => (
                <li key={key} className={q.struckHome ? 'is-struck' : undefined}>
                  {q.struckHome ? <Badge tone="accent">{t('meeting.questions.struck')}</Badge> : null}{' '}
                  {q.text} <span className="muted">({q.askedBy})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('meeting.record.none')}</p>
          )}
          <h3>{t('meeting.record.actions', { count: mine.turn.actions.length })}</h3>
          {mine.turn.actions.length ? (
            <ul className="record__actions">
              {mine.turn.actions.map((a) => (
                <li key={a.actionId}>
                  {a.text}{' '}
                  <span className="muted">
                    {a.dueOn
                      ? t('meeting.actions.due', { date: formatDate(a.dueOn, language) })
                      : t('meeting.actions.noDue')}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('meeting.record.none')}</p>
          )}
          {mine.turn.feedback ? (
            <>
              <h3>{t('meeting.record.feedback')}</h3>
              <p>{mine.turn.feedback}</p>
            </>
          ) : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="record-mine">
        <h2 id="record-mine">{t('meeting.record.myWords')}</h2>
        <dl className="details">
          <div className="details__row">
            <dt>{t('meeting.checkin.title')}</dt>
            <dd>{mine.checkIn ?? <span className="muted">{t('meeting.record.none')}</span>}</dd>
          </div>
          <div className="details__row">
            <dt>{t('meeting.checkout.title')}</dt>
            <dd>
              {mine.checkOut ? (
                <>
                  {mine.checkOut.text}
                  {mine.checkOut.usefulness ? (
                    <span className="muted">
                      {' '}
                      · {t('meeting.checkout.score', { score: mine.checkOut.usefulness })}
                    </span>
                  ) : null}
                </>
              ) : (
                <span className="muted">{t('meeting.record.none')}</span>
              )}
            </dd>
          </div>
          {mine.bid ? (
            <div className="details__row">
              <dt>{t('meeting.record.bid')}</dt>
              <dd>
                {t('meeting.order.bidSummary', {
                  minutes: mine.bid.minutes,
                  urgency: t(`meeting.urgency.${mine.bid.urgency}`),
                })}
              </dd>
            </div>
          ) : null}
        </dl>
        {mine.reportBacks.length ? (
          <>
            <h3>{t('meeting.record.reportBacks')}</h3>
            <ul className="record__actions">
              {keyed(mine.reportBacks, 'b').map(({ item: r, key }) => (
                <li key={key}>
                  {r.text} <Badge tone={outcomeTone[r.outcome]}>{t(`meeting.outcome.${r.outcome}`)}</Badge>
                  {r.learned ? <span className="cell-sub">{r.learned}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="section" aria-labelledby="record-set">
        <h2 id="record-set">{t('meeting.record.theSet')}</h2>
        <dl className="details">
          <div className="details__row">
            <dt>{t('meeting.record.present')}</dt>
            <dd>{record.attended.length ? list(record.attended) : t('meeting.record.nobody')}</dd>
          </div>
          {record.absent.length ? (
            <div className="details__row">
              <dt>{t('meeting.record.absent')}</dt>
              <dd>{list(record.absent)}</dd>
            </div>
          ) : null}
          <div className="details__row">
            <dt>{t('meeting.record.agenda')}</dt>
            <dd>
              {record.agendaRun.length ? (
                <ol className="record__agenda">
                  {keyed(record.agendaRun, 's').map(({ item: s, key }) => (
                    <li key={key}>
                      {s.title} <span className="muted">{time.time(s.at)}</span>
                    </li>
                  ))}
                </ol>
              ) : (
                t('meeting.record.none')
              )}
            </dd>
          </div>
        </dl>
        {record.presenters.length ? (
          <DataTable
            caption={t('meeting.record.presenters')}
            columns={[
              { label: t('meeting.record.presenter') },
              { label: t('meeting.fair.airtime'), className: 'num' },
              { label: t('meeting.record.questionsCol'), className: 'num' },
              { label: t('meeting.record.actionsCol'), className: 'num' },
            ]}
          >
            {keyed(record.presenters, 'p').map(({ item: p, key }) => (
              <tr key={key}>
                <th scope="row">{p.name}</th>
                <td className="num">
                  {minutesText(t, p.airtimeMs, {
                    minutes: 'meeting.minutes',
                    under: 'meeting.underMinute',
                  })}
                </td>
                <td className="num">{p.questions}</td>
                <td className="num">{p.actions}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {record.processReview.length ? (
          <>
            <h3>{t('meeting.review.title')}</h3>
            <ul>
              {keyed(record.processReview, 'n').map(({ item: n, key }) => (
                <li key={key}>{n}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <p className="muted">{t('meeting.record.confidential')}</p>
    </>
  );
}
