import { useTranslation } from 'react-i18next';
import { getSetSchedule, listSeries } from '../../../contract/series.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useSetSection } from '../meetings/SetSection.tsx';
import { MeetingTime } from './MeetingTime.tsx';
import { SeriesEditor } from './SeriesEditor.tsx';
import './schedule.css';

/** /sets/:setId/schedule (a tab of the set): every meeting, who is expected, apologies, the attendance rule. */
export function SetSchedulePage() {
  const { t } = useTranslation();
  const { set } = useSetSection();
  const data = useRoute(getSetSchedule, { params: { id: set.id } });
  // As on the meetings tab: members of a self-facilitated set schedule their own meetings (the set's
  // abilities leave that case out, see MeetingsTab).
  const selfRun = set.mode === 'self_facilitated' && set.abilities['set.readContent'];
  const schedules = set.abilities['meeting.schedule'] || selfRun;
  const runsPolls = set.abilities['meeting.runPoll'] || selfRun;
  const series = useRoute(listSeries, schedules ? { params: { id: set.id } } : null);
  const active = series.data?.filter((x) => x.status === 'active') ?? [];
  useTitle(t('schedule.set.title', { set: set.name }));
  if (!data.data) return data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading />;
  const s = data.data;
  return (
    <section aria-labelledby="schedule-heading">
      <div className="section__header">
        <div>
          <h2 id="schedule-heading">{t('schedule.set.heading')}</h2>
          <p className="muted">{t('schedule.set.lead', { zone: s.viewerTimeZone })}</p>
        </div>
        {runsPolls ? (
          <ButtonLink to={`/sets/${set.id}/polls/new`} variant="secondary">
            {t('schedule.set.newPoll')}
          </ButtonLink>
        ) : null}
      </div>
      {active.length > 0 ? (
        <section className="section" aria-labelledby="series-heading">
          <h3 id="series-heading">{t('schedule.series.title')}</h3>
          {active.map((x) => (
            <SeriesEditor
              key={x.id}
              series={x}
              onChanged={() => {
                void data.reload();
                void series.reload();
              }}
            />
          ))}
        </section>
      ) : null}
      {s.attendanceRule ? (
        <p className="callout">
          {t('schedule.set.rule', { count: s.attendanceRule.minPresent })} {s.attendanceRule.note}
        </p>
      ) : null}
      {s.meetings.length === 0 ? (
        <EmptyState title={t('schedule.set.emptyTitle')}>{t('schedule.set.empty')}</EmptyState>
      ) : (
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
                  <MeetingTime meeting={m} />
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
      )}
    </section>
  );
}
