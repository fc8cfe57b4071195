import { useTranslation } from 'react-i18next';
import { type Meeting, scheduleMeeting } from '../../../contract/meetings.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { useForm } from '../../ui/use-form.ts';
import {
  checkWhenAndWhere,
  useNewWhenAndWhere,
  type WhenAndWhere,
  WhenAndWhereFields,
  whenAndWhereBody,
} from './WhenAndWhere.tsx';

/** Schedules one meeting of a set, at a wall-clock time in an explicit zone. */
export function ScheduleMeetingForm({
  setId,
  onScheduled,
}: {
  setId: string;
  onScheduled(m: Meeting): void;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const announce = useAnnounce();
  const initial = useNewWhenAndWhere();
  const form = useForm('schedule-meeting', initial, { aliases: { localStart: 'date' } });
  const validate = (v: WhenAndWhere) => checkWhenAndWhere(t, scheduleMeeting.body, whenAndWhereBody(v), v);
  const schedule = async (v: WhenAndWhere) => {
    const meeting = await call(scheduleMeeting, { params: { id: setId }, body: whenAndWhereBody(v) });
    onScheduled(meeting);
    announce(t('meeting.schedule.done', { when: time.whenText(meeting) }));
    form.reset({ ...initial, timeZone: v.timeZone, time: v.time, durationMinutes: v.durationMinutes });
  };
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(schedule, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <WhenAndWhereFields form={form} zoneHint={t('meeting.schedule.timeZoneHint')} />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('meeting.schedule.submit')}
        </Button>
      </div>
    </form>
  );
}
