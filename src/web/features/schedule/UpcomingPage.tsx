import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sendApologies } from '../../../contract/meetings.ts';
import { getUpcoming, type UpcomingMeeting } from '../../../contract/series.ts';
import { call, useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ProgrammeEventItem } from './ProgrammeEventItem.tsx';
import './schedule.css';
import { useTimeFormat } from '../../app/time.ts';

function MeetingItem({
  meeting,
  onChange,
}: {
  meeting: UpcomingMeeting;
  timeZone: string;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const away = meeting.myStatus === 'apologies';
  const send = async (status: 'apologies' | 'expected') => {
    setBusy(true);
    try {
      await call(sendApologies, {
        params: { id: meeting.id },
        body: { status, note: status === 'apologies' ? note : '' },
      });
      onChange();
    } finally {
      setBusy(false);
    }
  };
  const noteId = `apology-note-${meeting.id}`;
  const live = meeting.status === 'live';
  return (
    <li className="card" data-meeting={meeting.id}>
      <h3>
        <Link to={live ? `/meetings/${meeting.id}/room` : `/sets/${meeting.setId}/meetings`}>
          {t('schedule.upcoming.meetingTitle', { set: meeting.setName })}
        </Link>{' '}
        {live ? <Badge tone="success">{t('home.meeting.live')}</Badge> : null}
        {meeting.status === 'cancelled' ? (
          <Badge tone="danger">{t('schedule.status.cancelled')}</Badge>
        ) : null}
        {away ? <Badge tone="warning">{t('schedule.upcoming.apologiesSent')}</Badge> : null}
      </h3>
      <p className="meeting-time">{time.whenText(meeting)}</p>
      {meeting.place ? <p>{t('schedule.upcoming.place', { place: meeting.place })}</p> : null}
      {live ? (
        <p>
          <ButtonLink to={`/meetings/${meeting.id}/room`}>{t('home.meeting.join')}</ButtonLink>
        </p>
      ) : null}
      <p>
        <a href={`/api/meetings/${meeting.id}/calendar.ics`} download>
          {t('schedule.upcoming.download')}
        </a>
      </p>
      {meeting.status === 'scheduled' ? (
        away ? (
          <Button variant="secondary" small busy={busy} onClick={() => send('expected')}>
            {t('schedule.upcoming.withdraw')}
          </Button>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send('apologies');
            }}
          >
            <TextField
              id={noteId}
              label={t('schedule.upcoming.noteLabel')}
              hint={t('schedule.upcoming.noteHint')}
              optional
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button type="submit" variant="secondary" small busy={busy}>
              {t('schedule.upcoming.sendApologies')}
            </Button>
          </form>
        )
      ) : null}
    </li>
  );
}

/** /upcoming: my next meetings (in my zone, each linking to its set's meetings or its live room), open polls and open actions. */
export function UpcomingPage() {
  const { t } = useTranslation();
  const data = useRoute(getUpcoming, {});
  useTitle(t('schedule.upcoming.title'));
  if (!data.data) return data.error ? <Failure error={data.error} retry={data.reload} /> : <Loading />;
  const { meetings, events, polls, actions, timeZone } = data.data;
  return (
    <section className="page page--narrow">
      <PageHeader
        title={t('schedule.upcoming.title')}
        lead={t('schedule.upcoming.lead', { zone: timeZone })}
      />
      <section className="section" aria-labelledby="upcoming-meetings">
        <h2 id="upcoming-meetings">{t('schedule.upcoming.meetings')}</h2>
        {meetings.length === 0 ? (
          <EmptyState title={t('schedule.upcoming.noMeetingsTitle')}>
            {t('schedule.upcoming.noMeetings')}
          </EmptyState>
        ) : (
          <ul className="card-list">
            {meetings.map((m) => (
              <MeetingItem key={m.id} meeting={m} timeZone={timeZone} onChange={() => void data.reload()} />
            ))}
          </ul>
        )}
      </section>
      {events.length ? (
        <section className="section" aria-labelledby="upcoming-events">
          <h2 id="upcoming-events">{t('schedule.events.upcoming')}</h2>
          <ul className="card-list">
            {events.map((e) => (
              <ProgrammeEventItem
                key={e.id}
                event={e}
                timeZone={timeZone}
                onChange={() => void data.reload()}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="upcoming-polls">
        <h2 id="upcoming-polls">{t('schedule.upcoming.polls')}</h2>
        {polls.length === 0 ? (
          <p>{t('schedule.upcoming.noPolls')}</p>
        ) : (
          <ul>
            {polls.map((p) => (
              <li key={p.id}>
                <Link to={`/polls/${p.id}`}>{p.title}</Link>{' '}
                {p.answered ? <Badge tone="success">{t('schedule.upcoming.answered')}</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="actions">
        <h2 id="actions">{t('schedule.upcoming.actions')}</h2>
        {actions.length === 0 ? (
          <p>{t('schedule.upcoming.noActions')}</p>
        ) : (
          <ul>
            {actions.map((a) => (
              <li key={a.id}>
                <Link to={`/sets/${a.setId}/actions`}>{a.text}</Link>{' '}
                <span className="field__hint">({a.setName})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/settings">{t('schedule.upcoming.settingsLink')}</Link>
      </p>
    </section>
  );
}
