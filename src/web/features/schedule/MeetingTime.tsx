import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../../contract/enums.ts';
import { useTimeFormat } from '../../app/time.ts';
import { Badge } from '../../ui/Badge.tsx';

/** When a meeting starts and ends, marked if it is cancelled. */
export function MeetingTime({
  meeting,
}: {
  meeting: { startsAt: string; endsAt: string; status: MeetingStatus };
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <>
      {time.range(meeting.startsAt, meeting.endsAt)}
      {meeting.status === 'cancelled' ? (
        <>
          {' '}
          <Badge tone="danger">{t('schedule.status.cancelled')}</Badge>
        </>
      ) : null}
    </>
  );
}
