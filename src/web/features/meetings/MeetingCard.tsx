import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, MeetingStatus } from '../../../contract/enums.ts';
import { type Meeting, updateMeeting } from '../../../contract/meetings.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { PulsePanel } from '../feedback/PulsePanel.tsx';
import { Apologies } from './Apologies.tsx';
import { AttendanceEditor } from './AttendanceEditor.tsx';
import { isUpcoming } from './time.ts';

const statusTone: Record<MeetingStatus, Tone> = {
  scheduled: 'info',
  live: 'success',
  ended: 'neutral',
  cancelled: 'warning',
};
const attendanceTone: Record<AttendanceStatus, Tone> = {
  expected: 'neutral',
  present: 'success',
  apologies: 'warning',
  absent: 'danger',
};

/** One meeting: when (in its zone and the viewer's), where, who is expected, and what the viewer may do. */
export function MeetingCard({
  meeting,
  personId,
  onChange,
}: {
  meeting: Meeting;
  personId: string;
  onChange(m: Meeting): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const time = useTimeFormat();
  const can = meeting.abilities;
  const upcoming = isUpcoming(meeting);
  const headingId = `meeting-${meeting.id}`;
  const inRoom = can['meeting.join'] && (meeting.status === 'scheduled' || meeting.status === 'live');
  const hasRecord = can['meeting.join'] && meeting.status === 'ended';
  const cancel = async () => {
    onChange(await call(updateMeeting, { params: { id: meeting.id }, body: { status: 'cancelled' } }));
    announce(t('meeting.card.cancelled'));
  };

  return (
    <li className="card meeting-card" aria-labelledby={headingId}>
      <div className="meeting-card__head">
        <h3 className="card__title" id={headingId}>
          {time.day(meeting.startsAt)}
        </h3>
        <Badge tone={statusTone[meeting.status]}>{t(`meeting.status.${meeting.status}`)}</Badge>
      </div>
      <dl className="meeting-card__facts">
        <div>
          <dt>{t('meeting.card.when')}</dt>
          <dd>
            <span className="meeting-time">{time.whenText(meeting)}</span>
          </dd>
        </div>
        {meeting.place ? (
          <div>
            <dt>{t('meeting.card.place')}</dt>
            <dd>{meeting.place}</dd>
          </div>
        ) : null}
        {meeting.videoUrl ? (
          <div>
            <dt>{t('meeting.card.video')}</dt>
            <dd>
              <a href={meeting.videoUrl} rel="noreferrer noopener" target="_blank">
                {t('meeting.card.videoLink')}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{upcoming ? t('meeting.card.expected') : t('meeting.card.attendance')}</dt>
          <dd>
            {upcoming
              ? t('meeting.card.expectedCount', {
                  count: meeting.expectedCount,
                  total: meeting.attendance.length,
                })
              : t('meeting.card.presentCount', {
                  count: meeting.attendance.filter((a) => a.status === 'present').length,
                  total: meeting.attendance.length,
                })}
            <ul
              className="attendance-list"
              aria-label={t('meeting.card.attendanceOf', { day: time.day(meeting.startsAt) })}
            >
              {meeting.attendance.map((a) => (
                <li key={a.personId}>
                  <span>
                    {a.name}
                    {a.role === 'facilitator' ? (
                      <span className="muted"> · {t('set.role.facilitator')}</span>
                    ) : null}
                  </span>
                  <Badge tone={attendanceTone[a.status]}>{t(`meeting.attendance.${a.status}`)}</Badge>
                  {a.apologyNote ? <span className="attendance-list__note">“{a.apologyNote}”</span> : null}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <div className="meeting-card__actions">
        {inRoom ? (
          <ButtonLink
            to={`/meetings/${meeting.id}/room`}
            variant={meeting.status === 'live' ? 'primary' : 'secondary'}
          >
            {meeting.status === 'live' ? t('meeting.card.joinLive') : t('meeting.card.enterRoom')}
          </ButtonLink>
        ) : null}
        {hasRecord ? (
          <ButtonLink to={`/meetings/${meeting.id}/record`} variant="secondary">
            {t('meeting.card.record')}
          </ButtonLink>
        ) : null}
        {upcoming && meeting.status === 'scheduled' && can['meeting.sendApologies'] ? (
          <Apologies meeting={meeting} personId={personId} onChange={onChange} />
        ) : null}
        {!upcoming && meeting.status !== 'cancelled' && can['meeting.recordAttendance'] ? (
          <AttendanceEditor meeting={meeting} onChange={onChange} />
        ) : null}
        {meeting.status === 'scheduled' && can['meeting.schedule'] ? (
          <ConfirmButton
            small
            label={t('meeting.card.cancel')}
            title={t('meeting.card.cancelTitle', { day: time.day(meeting.startsAt) })}
            message={t('meeting.card.cancelBody')}
            confirmLabel={t('meeting.card.cancelConfirm')}
            onConfirm={cancel}
          />
        ) : null}
      </div>
      {/* The pulse after a meeting: for the set only (members answer; the set reads K-ruled aggregates). */}
      {!upcoming && meeting.status !== 'cancelled' && can['meeting.join'] ? (
        <PulsePanel meetingId={meeting.id} />
      ) : null}
    </li>
  );
}
