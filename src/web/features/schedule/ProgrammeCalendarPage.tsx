import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listProgrammePolls } from '../../../contract/polls.ts';
import { getProgrammeCalendar } from '../../../contract/series.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { AddProgrammeEventForm } from './AddProgrammeEventForm.tsx';
import { MeetingTime } from './MeetingTime.tsx';
import { ProgrammeEventItem } from './ProgrammeEventItem.tsx';
import './schedule.css';

/** The programme-wide polls still open: each links to its page, where people answer and it is confirmed. */
function OpenPolls({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const polls = useRoute(listProgrammePolls, { params: { id: programmeId } });
  if (!polls.data) return polls.error ? <LoadError error={polls.error} retry={polls.reload} /> : <Loading />;
  const open = polls.data.filter((p) => p.status === 'open');
  if (open.length === 0) return <p>{t('schedule.programme.noOpenPolls')}</p>;
  return (
    <ul className="card-list">
      {open.map((p) => (
        <li key={p.id} className="card" data-poll={p.id}>
          <h4>
            <Link to={`/polls/${p.id}`}>{p.title}</Link>
          </h4>
          <p>
            {t('schedule.programme.pollOptions', { count: p.options.length })}{' '}
            {t('schedule.poll.responses', { count: p.respondentCount, total: p.participantCount })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** /programmes/:programmeId/calendar (a tab of the programme): its own events, then every set's meetings (dates and places only). */
export function ProgrammeCalendarPage() {
  const { t } = useTranslation();
  const { programme } = useProgramme();
  const data = useRoute(getProgrammeCalendar, { params: { id: programme.id } });
  useTitle(t('programme.tabTitle', { tab: t('schedule.tabs.programme'), name: programme.name }));
  if (!data.data) return data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading />;
  return (
    <section aria-labelledby="calendar-heading">
      <div className="section__header">
        <div>
          <h2 id="calendar-heading">{t('schedule.programme.title')}</h2>
          <p className="muted">{t('schedule.programme.lead', { zone: data.data.viewerTimeZone })}</p>
        </div>
        {programme.abilities['programme.runPoll'] ? (
          <ButtonLink to={`/programmes/${programme.id}/calendar/polls/new`} variant="secondary">
            {t('schedule.programme.newPoll')}
          </ButtonLink>
        ) : null}
      </div>
      <section className="section" aria-labelledby="programme-polls-heading">
        <h3 id="programme-polls-heading">{t('schedule.programme.openPolls')}</h3>
        <OpenPolls programmeId={programme.id} />
      </section>
      <section className="section" aria-labelledby="programme-events-heading">
        <h3 id="programme-events-heading">{t('schedule.events.title')}</h3>
        {data.data.events.length === 0 ? (
          <p>{t('schedule.events.none')}</p>
        ) : (
          <ul className="card-list">
            {data.data.events.map((e) => (
              <ProgrammeEventItem
                key={e.id}
                level={4}
                event={e}
                timeZone={data.data!.viewerTimeZone}
                onChange={() => void data.reload()}
              />
            ))}
          </ul>
        )}
        {programme.abilities['programme.manageEvents'] ? (
          <section className="section" aria-labelledby="programme-fixed-date-heading">
            <h4 id="programme-fixed-date-heading">{t('schedule.programme.fixedTitle')}</h4>
            <p className="muted">{t('schedule.programme.fixedLead')}</p>
            <AddProgrammeEventForm programmeId={programme.id} onAdded={() => void data.reload()} />
          </section>
        ) : null}
      </section>
      <h3>{t('schedule.programme.setMeetings')}</h3>
      <table className="table">
        <caption className="visually-hidden">{t('schedule.programme.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedule.set.when')}</th>
            <th scope="col">{t('schedule.programme.set')}</th>
            <th scope="col">{t('schedule.programme.place')}</th>
            <th scope="col">{t('schedule.set.apologies')}</th>
          </tr>
        </thead>
        <tbody>
          {data.data.meetings.map((m) => (
            <tr key={m.id}>
              <td>
                <MeetingTime meeting={m} />
              </td>
              <td>
                <Link to={`/sets/${m.setId}/schedule`}>{m.setName}</Link>
              </td>
              <td>{m.place}</td>
              <td>{m.apologiesCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
