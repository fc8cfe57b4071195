import { useTranslation } from 'react-i18next';
import { createProgrammeEvent } from '../../../contract/programme-events.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useMe } from '../../app/session.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import { useForm } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';
import { viewerTimeZone } from '../meetings/time.ts';

const durations = [60, 90, 120, 180, 240, 360, 480];

/**
 * A programme date already agreed (a gathering fixed outside Revans): no poll of two options needed.
 * Everyone in the programme's sets gets it by email with its .ics.
 */
export function AddProgrammeEventForm({ programmeId, onAdded }: { programmeId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const me = useMe();
  const announce = useAnnounce();
  const initial = {
    title: '',
    date: '',
    time: '10:00',
    durationMinutes: '180',
    timeZone: me.person.timeZone || me.host.defaultTimeZone || viewerTimeZone(),
    place: '',
    videoUrl: '',
  };
  const form = useForm('add-programme-event', initial, { aliases: { localStart: 'date' } });
  const bodyOf = (v: typeof form.values) => ({
    title: v.title.trim(),
    localStart: `${v.date}T${v.time}`,
    timeZone: v.timeZone,
    durationMinutes: Number(v.durationMinutes),
    place: v.place.trim(),
    videoUrl: v.videoUrl.trim(),
  });
  const validate = (v: typeof form.values) => {
    // The form asks for the day and the time apart; the server takes them as one wall-clock start.
    const parts = checks(t)
      .required('date', v.date, t('meeting.schedule.date'))
      .required('time', v.time, t('meeting.schedule.time')).errors;
    const { localStart, ...errors } = checkAgainst(
      createProgrammeEvent.body,
      bodyOf(v),
      t,
      {
        title: t('schedule.programme.fixedName'),
        localStart: t('meeting.schedule.date'),
        durationMinutes: t('meeting.schedule.duration'),
        timeZone: t('meeting.schedule.timeZone'),
        place: t('meeting.schedule.place'),
        videoUrl: t('meeting.schedule.videoUrl'),
      },
      { videoUrl: t('meeting.schedule.videoUrlInvalid') },
    );
    return { ...(localStart && !parts.date && !parts.time ? { date: localStart } : {}), ...parts, ...errors };
  };
  const add = async (v: typeof form.values) => {
    const event = await call(createProgrammeEvent, { params: { id: programmeId }, body: bodyOf(v) });
    announce(
      t('schedule.programme.fixedDone', {
        title: event.title,
        when: time.range(event.startsAt, event.endsAt),
      }),
    );
    form.reset({ ...initial, timeZone: v.timeZone });
    onAdded();
  };
  const zones = timeZones(form.values.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(add, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField
        label={t('schedule.programme.fixedName')}
        hint={t('schedule.programme.fixedNameHint')}
        autoComplete="off"
        {...form.field('title')}
      />
      <div className="field-row">
        <TextField type="date" label={t('meeting.schedule.date')} {...form.field('date')} />
        <TextField type="time" label={t('meeting.schedule.time')} {...form.field('time')} />
        <SelectField
          label={t('meeting.schedule.duration')}
          options={durations.map((m) => ({
            value: String(m),
            label: t('meeting.schedule.hours', { count: m / 60 }),
          }))}
          {...form.field('durationMinutes')}
        />
      </div>
      <SelectField label={t('meeting.schedule.timeZone')} options={zones} {...form.field('timeZone')} />
      <TextField
        label={t('meeting.schedule.place')}
        hint={t('meeting.schedule.placeHint')}
        optional
        {...form.field('place')}
      />
      <TextField
        type="url"
        label={t('meeting.schedule.videoUrl')}
        hint={t('meeting.schedule.videoUrlHint')}
        optional
        inputMode="url"
        {...form.field('videoUrl')}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('schedule.programme.fixedSubmit')}
        </Button>
      </div>
    </form>
  );
}
