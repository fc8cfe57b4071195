import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pattern } from '../../../domain/schedule/recurrence.ts';
import { rruleToPattern } from '../../../domain/schedule/series-edit.ts';
import { api } from '../../api/client.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import { useForm } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';
import { localDay, type Series, wallClock } from './types.ts';

const durations = [60, 90, 120, 150, 180, 240, 300, 360, 420, 480];
const frequencies: Pattern['frequency'][] = ['weekly', 'monthly-weekday', 'monthly-date'];

/** A series in words: "Every 4 weeks from Wed, Mar 31, 2027, 21:00 (Europe/London), until 2027-05-31". */
function SeriesSummary({ series }: { series: Series }) {
  const { t, i18n } = useTranslation();
  const pattern = rruleToPattern(series.rrule);
  return (
    <p>
      {pattern
        ? t(`schedule.series.patterns.${pattern.frequency}`, { count: pattern.interval })
        : t('schedule.series.patterns.custom', { rule: series.rrule })}{' '}
      {t('schedule.series.summary', {
        first: wallClock(series.firstLocal, i18n.language),
        zone: series.timeZone,
        until: localDay(series.untilDate, i18n.language),
        count: series.durationMinutes / 60,
      })}
    </p>
  );
}

/**
 * One regular series of the set, and for those who schedule, a form that changes it from a meeting
 * still to come onwards. Meetings already held stay as they were; members hear of each change.
 */
export function SeriesEditor({ series, onChanged }: { series: Series; onChanged(): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const next = series.meetings.find((m) => m.status === 'scheduled' && Date.parse(m.startsAt) > Date.now());
  const pattern = rruleToPattern(series.rrule) ?? { frequency: 'weekly', interval: 4 };
  const from = next?.localStart ?? series.firstLocal;
  const initial = {
    date: from.slice(0, 10),
    time: from.slice(11, 16),
    timeZone: series.timeZone,
    frequency: pattern.frequency as string,
    interval: String(pattern.interval),
    durationMinutes: String(series.durationMinutes),
    untilDate: series.untilDate,
    place: series.place,
  };
  const form = useForm(`series-${series.id}`, initial, { aliases: { firstLocal: 'date' } });
  const validate = (v: typeof form.values) =>
    checks(t)
      .required('date', v.date, t('schedule.series.from'))
      .required('time', v.time, t('meeting.schedule.time'))
      .required('untilDate', v.untilDate, t('schedule.series.until')).errors;
  const save = async (v: typeof form.values) => {
    await api.put(`/api/series/${series.id}`, {
      firstLocal: `${v.date}T${v.time}`,
      timeZone: v.timeZone,
      durationMinutes: Number(v.durationMinutes),
      pattern: { frequency: v.frequency, interval: Number(v.interval) },
      untilDate: v.untilDate,
      place: v.place.trim(),
      videoUrl: series.videoUrl,
    });
    setOpen(false);
    announce(t('schedule.series.changed'));
    onChanged();
  };
  const zones = timeZones(form.values.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  const lengths = [...new Set([...durations, series.durationMinutes])].sort((a, b) => a - b);
  const formId = `series-form-${series.id}`;
  return (
    <div className="card series">
      <SeriesSummary series={series} />
      <Button
        variant="secondary"
        small
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        {t('schedule.series.edit')}
      </Button>
      {open ? (
        <form
          id={formId}
          noValidate
          className="form series__form"
          onSubmit={form.handleSubmit(save, validate)}
        >
          <p className="muted">{t('schedule.series.editLead')}</p>
          <ErrorSummary
            errors={form.errors}
            problem={form.problem}
            attempt={form.attempt}
            idFor={form.idFor}
          />
          <div className="field-row">
            <TextField type="date" label={t('schedule.series.from')} {...form.field('date')} />
            <TextField type="time" label={t('meeting.schedule.time')} {...form.field('time')} />
            <SelectField
              label={t('meeting.schedule.duration')}
              options={lengths.map((m) => ({
                value: String(m),
                label: t('meeting.schedule.hours', { count: m / 60 }),
              }))}
              {...form.field('durationMinutes')}
            />
          </div>
          <SelectField label={t('meeting.schedule.timeZone')} options={zones} {...form.field('timeZone')} />
          <SelectField
            label={t('schedule.series.repeats')}
            options={frequencies.map((f) => ({ value: f, label: t(`schedule.series.frequencies.${f}`) }))}
            {...form.field('frequency')}
          />
          <div className="field-row">
            <TextField
              type="number"
              min={1}
              max={12}
              label={t('schedule.series.interval')}
              {...form.field('interval')}
            />
            <TextField type="date" label={t('schedule.series.until')} {...form.field('untilDate')} />
          </div>
          <TextField label={t('meeting.schedule.place')} optional {...form.field('place')} />
          <div className="form-actions">
            <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
              {t('schedule.series.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
