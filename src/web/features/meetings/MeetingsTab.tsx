import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../contract/meetings.ts';
import { listMeetings } from '../../../contract/meetings.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useMe } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CoachSettings } from '../coach/CoachSettings.tsx';
import { MyQuestionShares, SetQuestionShares } from '../coach/QuestionShares.tsx';
import { SetPulseTrend } from '../feedback/SetPulseTrend.tsx';
import { FairTurnsPanel } from './FairTurnsPanel.tsx';
import { MeetingCard } from './MeetingCard.tsx';
import { ScheduleMeetingForm } from './ScheduleMeetingForm.tsx';
import { useSetSection } from './SetSection.tsx';
import { isUpcoming } from './time.ts';

/** The set's meetings: upcoming ones (with apologies), scheduling, past ones and their records, fair turns. */
export function MeetingsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { set } = useSetSection();
  const meetings = useRoute(listMeetings, { params: { id: set.id } });
  useTitle(t('meeting.list.pageTitle', { set: set.name }));
  // GET /api/sets/:id leaves out that a set is self-facilitated when it works out abilities, so members
  // of such a set (whom the server lets schedule) would not be offered the form: see the report.
  const schedules =
    set.abilities['meeting.schedule'] ||
    (set.mode === 'self_facilitated' && set.abilities['set.readContent']);

  if (!meetings.data) {
    return meetings.error ? <LoadError error={meetings.error} retry={meetings.reload} /> : <Loading />;
  }
  const all = meetings.data;
  const replace = (m: Meeting) => meetings.setData(all.map((x) => (x.id === m.id ? m : x)));
  const upcoming = all.filter((m) => isUpcoming(m));
  const past = all.filter((m) => !isUpcoming(m)).reverse();

  return (
    <>
      <section className="section" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('meeting.list.upcoming')}</h2>
        {upcoming.length === 0 ? (
          <EmptyState title={t('meeting.list.noneUpcoming')}>
            {schedules ? t('meeting.list.noneUpcomingScheduler') : t('meeting.list.noneUpcomingMember')}
          </EmptyState>
        ) : (
          <ul className="meeting-list">
            {upcoming.map((m) => (
              <MeetingCard key={m.id} meeting={m} personId={me.person.id} onChange={replace} />
            ))}
          </ul>
        )}
      </section>

      {schedules ? (
        <section className="section" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">{t('meeting.schedule.title')}</h2>
          <p className="muted">{t('meeting.schedule.lead')}</p>
          <ScheduleMeetingForm setId={set.id} onScheduled={() => void meetings.reload()} />
        </section>
      ) : null}

      {past.length > 0 ? (
        <section className="section" aria-labelledby="past-heading">
          <h2 id="past-heading">{t('meeting.list.past')}</h2>
          <ul className="meeting-list">
            {past.map((m) => (
              <MeetingCard key={m.id} meeting={m} personId={me.person.id} onChange={replace} />
            ))}
          </ul>
        </section>
      ) : null}

      {set.abilities['set.readCounts'] ? <FairTurnsPanel set={set} /> : null}

      {set.abilities['coach.readShares'] ? <SetQuestionShares setId={set.id} /> : null}
      {set.abilities['coach.readOwnShares'] ? <MyQuestionShares setId={set.id} /> : null}
      {set.abilities['coach.readSettings'] ? <CoachSettings setId={set.id} /> : null}
      {/* The set's own pulses per meeting, K-ruled: for its members and facilitator only. */}
      {past.length > 0 && set.abilities['pulse.readSet'] ? (
        <div className="section">
          <SetPulseTrend setId={set.id} name={set.name} level={2} />
        </div>
      ) : null}
    </>
  );
}
