import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useResource } from '../../api/use-resource.ts';
import { Failure } from '../../app/Failure.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { type SetSchedule, wallClock } from './types.ts';

/** /sets/:setId/schedule: every meeting, who is expected, who sent apologies, and the attendance rule. */
export function SetSchedulePage() {
  const { t, i18n } = useTranslation();
  const { setId } = useParams();
  const data = useResource<SetSchedule>(`/api/sets/${setId}/schedule`);
  useTitle(data.data ? t('schedule.set.title', { set: data.data.setName }) : undefined);
  if (!data.data) return data.error ? <Failure error={data.error} retry={data.reload} /> : <Loading />;
  const s = data.data;
  return (
    <section className="page">
      <PageHeader
        title={t('schedule.set.title', { set: s.setName })}
        lead={t('schedule.set.lead', { zone: s.viewerTimeZone })}
        actions={
          <ButtonLink to={`/sets/${setId}/polls/new`} variant="secondary">
            {t('schedule.set.newPoll')}
          </ButtonLink>
        }
      />
      {s.attendanceRule ? (
        <p className="callout">
          {t('schedule.set.rule', { count: s.attendanceRule.minPresent })} {s.attendanceRule.note}
        </p>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t('schedule.set.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedule.set.when')}</th>
            <th scope="col">{t('schedule.set.expected')}</th>
            <th scope="col">{t('schedule.set.apologies')}</th>
          </tr>
        </thead>
        <tbody>
          {s.meetings.map((m) => (
            <tr key={m.id} data-meeting={m.id}>
              <td>
                {wallClock(m.viewerLocalStart, i18n.language)}
                {m.status === 'cancelled' ? (
                  <>
                    {' '}
                    <Badge tone="danger">{t('schedule.status.cancelled')}</Badge>
                  </>
                ) : null}
                {m.status === 'scheduled' && !m.goesAhead ? (
                  <>
                    {' '}
                    <Badge tone="warning">{t('schedule.set.belowMinimum')}</Badge>
                  </>
                ) : null}
              </td>
              <td>{m.expectedCount}</td>
              <td>
                {m.attendance
                  .filter((a) => a.status === 'apologies')
                  .map((a) => (
                    <span key={a.personId} className="apology">
                      {a.name}
                      {a.apologyNote ? `: ${a.apologyNote}` : ''}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
