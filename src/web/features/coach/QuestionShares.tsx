import { useTranslation } from 'react-i18next';
import {
  coachLabels,
  getMyQuestionShares,
  getQuestionShares,
  type QuestionFigures,
  type QuestionShares,
} from '../../../contract/coach.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import './coach.css';
import { useTimeFormat } from '../../app/time.ts';

const percent = (share: number | null, language: string) =>
  share === null ? '' : new Intl.NumberFormat(language, { style: 'percent' }).format(share);

/**
 * The share of open questions per meeting, oldest first, as a table whose last column is a bar: the
 * table is the text alternative, the bars are for the eye (hidden from screen readers).
 */
function SharesTable({
  shares,
  caption,
  language,
}: {
  shares: QuestionShares;
  caption: string;
  language: string;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <DataTable
      caption={caption}
      className="share-chart"
      columns={[
        { label: t('coach.shares.meeting') },
        { label: t('coach.shares.asked'), className: 'num' },
        { label: t('coach.shares.open'), className: 'num' },
        { label: t('coach.shares.share'), className: 'share-chart__bar-col' },
      ]}
    >
      {shares.meetings.map((m) => {
        const date = time.dateTime(m.startsAt);
        return (
          <tr key={m.meetingId}>
            <th scope="row">{m.status === 'live' ? t('coach.shares.live', { date }) : date}</th>
            <td className="num">{m.asked}</td>
            <td className="num">{m.open}</td>
            <td>
              {m.share === null ? (
                <span className="muted">{t('coach.shares.noQuestions')}</span>
              ) : (
                <span className="share-chart__cell">
                  <span className="share-chart__track" aria-hidden="true">
                    <span className="share-chart__bar" style={{ width: `${Math.round(m.share * 100)}%` }} />
                  </span>
                  <span className="share-chart__value">{percent(m.share, language)}</span>
                </span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

const figuresFor = (figures: QuestionFigures, language: string) => ({
  open: figures.open,
  count: figures.asked,
  share: percent(figures.share, language),
});

/** The set's share of open questions per meeting: for the set's own people, never per person. */
export function SetQuestionShares({ setId, headingLevel = 2 }: { setId: string; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const shares = useRoute(getQuestionShares, { params: { setId } });
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="section coach-shares" aria-labelledby={`shares-heading-${setId}`}>
      <Heading id={`shares-heading-${setId}`}>{t('coach.shares.title')}</Heading>
      <p className="muted">{t('coach.shares.lead')}</p>
      {shares.data ? (
        shares.data.overall.asked === 0 ? (
          <p>{t('coach.shares.none')}</p>
        ) : (
          <>
            <SharesTable shares={shares.data} caption={t('coach.shares.caption')} language={i18n.language} />
            <p>{t('coach.shares.overall', figuresFor(shares.data.overall, i18n.language))}</p>
          </>
        )
      ) : shares.error ? (
        <LoadError error={shares.error} retry={shares.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

/** The viewer's own questions: only they ever get these figures. */
export function MyQuestionShares({ setId, headingLevel = 2 }: { setId: string; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const shares = useRoute(getMyQuestionShares, { params: { setId } });
  const Heading = `h${headingLevel}` as const;
  const data = shares.data;
  const others = data ? coachLabels.filter((l) => l !== 'OPEN' && data.overall.labels[l] > 0) : [];
  return (
    <section className="section coach-shares" aria-labelledby={`my-shares-heading-${setId}`}>
      <Heading id={`my-shares-heading-${setId}`}>{t('coach.shares.mineTitle')}</Heading>
      <p className="muted">{t('coach.shares.mineLead')}</p>
      {data ? (
        data.overall.asked === 0 ? (
          <p>{t('coach.shares.mineNone')}</p>
        ) : (
          <>
            <p>{t('coach.shares.mineOverall', figuresFor(data.overall, i18n.language))}</p>
            <SharesTable
              shares={{ ...data, meetings: data.meetings.filter((m) => m.asked > 0) }}
              caption={t('coach.shares.mineCaption')}
              language={i18n.language}
            />
            {others.length ? (
              <>
                <p>{t('coach.shares.labelsTitle')}</p>
                <ul>
                  {others.map((l) => (
                    <li key={l}>
                      {t(`coach.shares.label.${l}`)}: {data.overall.labels[l]}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )
      ) : shares.error ? (
        <LoadError error={shares.error} retry={shares.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
