import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getMeeting, type Meeting } from '../../../../contract/meetings.ts';
import { getSet } from '../../../../contract/sets.ts';
import { currentStage } from '../../../../domain/meeting/selectors.ts';
import type { MeetingState } from '../../../../domain/meeting/types.ts';
import { useRoute } from '../../../api/call.ts';
import { Failure } from '../../../app/Failure.tsx';
import { useMe } from '../../../app/session.tsx';
import type { LiveStatus } from '../../../live/connection.ts';
import { Badge } from '../../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../../ui/Button.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useTitle } from '../../../ui/use-title.ts';
import { RoomConcernsPanel } from '../../concerns/RoomConcernsPanel.tsx';
import { MeetingCrumbs } from '../MeetingCrumbs.tsx';
import { Announcer } from './Announcer.tsx';
import { Bidding } from './Bidding.tsx';
import { Countdown, TimerControls, useNow } from './Countdown.tsx';
import { nextMove, type Room, roomOf } from './model.ts';
import { Presentations } from './Presentations.tsx';
import { ReportBack } from './ReportBack.tsx';
import { CheckInRound, CheckOutRound, GroundRules, ProcessReview } from './Rounds.tsx';
import { Agenda, ChairPanel, HandButton, People } from './Sidebar.tsx';
import { useLiveMeeting } from './use-live-meeting.ts';
import '../meetings.css';
import './room.css';
import { useTimeFormat } from '../../../app/time.ts';
import { refusalText } from './refusal.ts';

/** /meetings/:meetingId/room: the live meeting, for the set's members and facilitator only. */
export function RoomPage() {
  const { meetingId = '' } = useParams();
  const meeting = useRoute(getMeeting, { params: { id: meetingId } });
  if (!meeting.data)
    return meeting.error ? <Failure error={meeting.error} retry={meeting.reload} /> : <Loading />;
  if (!meeting.data.abilities['meeting.join']) return <RoomClosed meeting={meeting.data} />;
  return <LiveRoom meeting={meeting.data} />;
}

/** Coordinators and admins may see that a meeting exists, never what happens in it. */
function RoomClosed({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  useTitle(t('meeting.room.closedTitle'));
  return (
    <section className="page page--narrow notice-page">
      <h1>{t('meeting.room.closedTitle')}</h1>
      <p className="lead">{t('meeting.room.closedBody')}</p>
      <p>
        <Link to={`/sets/${meeting.setId}/meetings`}>{t('meeting.room.backToMeetings')}</Link>
      </p>
    </section>
  );
}

function LiveRoom({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const me = useMe();
  const set = useRoute(getSet, { params: { id: meeting.setId } });
  const live = useLiveMeeting(meeting.status === 'cancelled' ? null : meeting.id, me.person.id);
  const setName = set.data?.name ?? '';
  const day = time.day(meeting.startsAt);
  useTitle(setName ? t('meeting.room.pageTitle', { set: setName, day }) : undefined);

  return (
    <section className="page room">
      <MeetingCrumbs setId={meeting.setId} setName={setName} current={t('meeting.room.crumb')} />
      <header className="room-header">
        <div className="room-header__text">
          <h1>{setName ? t('meeting.room.title', { set: setName }) : t('meeting.room.titleShort')}</h1>
          <p className="room-header__meta">
            <span>{time.whenText(meeting)}</span>
            {live.state ? <RoomStatusBadge state={live.state} /> : null}
          </p>
        </div>
        <Connection status={live.status} />
      </header>
      {live.refusal ? (
        <div className="callout callout--warning callout--row room-refusal" role="alert">
          <p>
            <span className="visually-hidden">{t('meeting.room.refusedPrefix')} </span>
            {refusalText(t, live.refusal)}
          </p>
          <Button variant="quiet" small onClick={live.dismissRefusal}>
            {t('meeting.room.dismiss')}
          </Button>
        </div>
      ) : null}
      {meeting.status === 'cancelled' ? (
        <p className="callout callout--warning">{t('meeting.room.cancelled')}</p>
      ) : !live.state ? (
        live.status.error ? (
          <p className="callout callout--danger" role="alert">
            {t(`meeting.live.error.${live.status.error}`)}
          </p>
        ) : (
          <Loading label={t('meeting.room.joining')} />
        )
      ) : (
        <RoomBody
          room={roomOf(live.state, me.person.id, live.send)}
          clockOffsetMs={live.status.clockOffsetMs}
          meeting={meeting}
        />
      )}
      <Announcer state={live.state} me={me.person.id} />
    </section>
  );
}

function RoomStatusBadge({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  const tone = state.status === 'live' ? 'success' : state.status === 'ended' ? 'neutral' : 'info';
  return <Badge tone={tone}>{t(`meeting.room.status.${state.status}`)}</Badge>;
}

/** Connected, or reconnecting with what is still waiting to be sent: nothing typed is lost. */
function Connection({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  const state = status.error && status.connection === 'closed' ? 'closed' : status.connection;
  const text =
    state === 'open'
      ? status.pending > 0
        ? t('meeting.connection.sending', { count: status.pending })
        : t('meeting.connection.open')
      : state === 'reconnecting'
        ? status.pending > 0
          ? t('meeting.connection.reconnectingUnsent', { count: status.pending })
          : t('meeting.connection.reconnecting')
        : state === 'connecting'
          ? t('meeting.connection.connecting')
          : status.error
            ? t(`meeting.live.error.${status.error}`)
            : t('meeting.connection.closed');
  return (
    <p className={`connection connection--${state}`} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

function RoomBody({ room, clockOffsetMs, meeting }: { room: Room; clockOffsetMs: number; meeting: Meeting }) {
  const { t } = useTranslation();
  const { state } = room;
  const serverNow = useNow(15_000) + clockOffsetMs;
  const stage = currentStage(state);
  const step = state.step ? state.setup.presenterCycle.find((s) => s.key === state.step) : undefined;
  useKeepFocus(`${state.status}:${state.stageIndex}:${state.presenterIndex}:${state.step}`);
  const timerLabel = step?.title ?? stage?.title ?? '';
  const headline =
    state.status === 'not-started'
      ? t('meeting.room.notStarted')
      : state.status === 'ended'
        ? t('meeting.room.ended')
        : (stage?.title ?? '');
  const sub =
    state.status === 'live' && room.presenterId && step
      ? t('meeting.room.presenterStep', { name: room.name(room.presenterId), step: step.title })
      : state.status === 'not-started'
        ? room.controls
          ? t('meeting.room.youStart')
          : state.chairId
            ? t('meeting.room.waitingFor', { name: room.name(state.chairId) })
            : t('meeting.room.waitingForChair')
        : null;

  return (
    <>
      <section className="stagebar" aria-labelledby="now-heading">
        <div className="stagebar__now">
          <p className="stagebar__kicker">{t('meeting.room.now')}</p>
          <h2 id="now-heading" className="stagebar__title">
            {headline}
          </h2>
          {sub ? <p className="stagebar__sub">{sub}</p> : null}
        </div>
        {state.status === 'live' ? (
          <Countdown timer={state.timer} clockOffsetMs={clockOffsetMs} label={timerLabel} />
        ) : null}
        <div className="stagebar__actions">
          <HandButton room={room} />
          <NextMoveButton room={room} />
          <TimerControls room={room} />
        </div>
      </section>
      <div className="room-grid">
        <div className="room-main">
          {state.groundRulesShown && stage?.key !== 'opening' ? (
            <GroundRules rules={state.setup.groundRules} />
          ) : null}
          <StageContent room={room} serverNow={serverNow} meeting={meeting} />
        </div>
        <div className="room-side">
          <Agenda room={room} />
          <People room={room} serverNow={serverNow} />
          <ChairPanel room={room} />
          {state.status === 'live' && !state.groundRulesShown ? (
            <details className="room-panel room-panel--rules">
              <summary>{t('meeting.rules.title')}</summary>
              <ol>
                {state.setup.groundRules.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ol>
            </details>
          ) : null}
        </div>
      </div>
    </>
  );
}

/**
 * When the room moves on, the form someone was in may go away; focus would then fall to the page's
 * start. It goes to the "now" heading instead, which says where the meeting is. Focus elsewhere stays.
 */
function useKeepFocus(where: string) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs each time the room moves on, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const heading = document.getElementById('now-heading');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [where]);
}

/** The chair's one obvious next step; the stage never changes by itself. */
function NextMoveButton({ room }: { room: Room }) {
  const { t } = useTranslation();
  if (!room.controls) return null;
  const move = nextMove(room.state);
  if (!move) return null;
  const label = t(move.label.key, move.label.values);
  const verdict = room.verdict(move.command);
  if (move.command.type === 'meeting.end') {
    return verdict.ok ? (
      <ConfirmButton
        variant="primary"
        label={label}
        title={t('meeting.chair.endTitle')}
        message={t('meeting.chair.endBody')}
        confirmLabel={t('meeting.chair.endConfirm')}
        onConfirm={async () => room.send(move.command)}
      />
    ) : null;
  }
  return (
    <span className="next-move">
      <Button
        disabled={!verdict.ok}
        onClick={() => room.send(move.command)}
        aria-describedby={verdict.ok ? undefined : 'next-move-why'}
      >
        {label}
        <span aria-hidden="true" className="direction-arrow">
          {' '}
          →
        </span>
      </Button>
      {verdict.ok ? null : (
        <span id="next-move-why" className="next-move__why">
          {refusalText(t, verdict.refusal)}
        </span>
      )}
    </span>
  );
}

function StageContent({ room, serverNow, meeting }: { room: Room; serverNow: number; meeting: Meeting }) {
  const { t } = useTranslation();
  const { state } = room;
  if (state.status === 'not-started') {
    return (
      <div className="room-block room-block--intro">
        <p className="lead">{room.controls ? t('meeting.room.introChair') : t('meeting.room.introMember')}</p>
        <GroundRules rules={state.setup.groundRules} />
      </div>
    );
  }
  if (state.status === 'ended') {
    return (
      <div className="room-block room-block--intro">
        <p className="lead">{t('meeting.room.endedLead')}</p>
        <div className="button-row">
          <ButtonLink to={`/meetings/${meeting.id}/record`}>{t('meeting.room.openRecord')}</ButtonLink>
          <ButtonLink to={`/sets/${meeting.setId}/journal?meeting=${meeting.id}`} variant="secondary">
            {t('meeting.room.writeJournal')}
          </ButtonLink>
          <ButtonLink to={`/sets/${meeting.setId}/meetings`} variant="quiet">
            {t('meeting.room.backToMeetings')}
          </ButtonLink>
        </div>
      </div>
    );
  }
  switch (currentStage(state)?.key) {
    case 'opening':
      return (
        <>
          <p className="lead">{t('meeting.opening.welcome')}</p>
          {state.groundRulesShown ? <GroundRules rules={state.setup.groundRules} /> : null}
          <CheckInRound room={room} />
        </>
      );
    case 'check-in':
      return <CheckInRound room={room} />;
    case 'report-back':
      return <ReportBack room={room} />;
    case 'bidding':
      return <Bidding room={room} />;
    case 'presentations':
      return <Presentations room={room} serverNow={serverNow} />;
    case 'process-review':
      return (
        <>
          <ProcessReview room={room} />
          <RoomConcernsPanel meetingId={meeting.id} />
        </>
      );
    case 'check-out':
      return <CheckOutRound room={room} />;
    default:
      return null;
  }
}
