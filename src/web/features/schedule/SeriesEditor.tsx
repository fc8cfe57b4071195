import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeSeries, pattern, type Series } from '../../../contract/series.ts';
import { type Frequency, patternFrequencies } from '../../../domain/schedule/pattern.ts';
import { rruleToPattern } from '../../../domain/schedule/series-edit.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import { type FieldErrors, useForm } from '../../ui/use-form.ts';
import { meetingLengths } from '../meetings/WhenAndWhere.tsx';
import { localDay, wallClock } from './format.ts';

const interval = pattern.shape.interval;
/** Where the route's fields are on this form. */
const aliases: Record<string, string> = {
  firstLocal: 'date',
  'pattern.frequency': 'frequency',
  'pattern.interval': 'interval',
};

/** A series in words: "Every 4 weeks from Wed, Mar 31, 2027, 21:00 (Europe/London), until 2027-05-31". */
function SeriesSummary({ series }: { series: Series }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const pattern = rruleToPattern(series.rrule);
  return (
    <p>
      {pattern
        ? t(`schedule.series.patterns.${pattern.frequency}`, { count: pattern.interval })
        : t('schedule.series.patterns.custom', { rule: series.rrule })}{' '}
      {t('schedule.series.summary', {
        first: wallClock(series.firstLocal, time.language),
        zone: series.timeZone,
        until: localDay(series.untilDate, time.language),
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
  const form = useForm(`series-${series.id}`, initial, { aliases });
  const body = (v: typeof form.values) => ({
    firstLocal: `${v.date}T${v.time}`,
    timeZone: v.timeZone,
    durationMinutes: Number(v.durationMinutes),
    pattern: { frequency: v.frequency as Frequency, interval: Number(v.interval) },
    untilDate: v.untilDate,
    place: v.place.trim(),
    videoUrl: series.videoUrl,
  });
  const labels: Record<string, string> = {
    date: t('schedule.series.from'),
    time: t('meeting.schedule.time'),
    timeZone: t('meeting.schedule.timeZone'),
    durationMinutes: t('meeting.schedule.duration'),
    frequency: t('schedule.series.repeats'),
    interval: t('schedule.series.interval'),
    untilDate: t('schedule.series.until'),
    place: t('meeting.schedule.place'),
  };
  /** The route's own checks, each at its field; the first meeting's date and time are two fields here. */
  const validate = (v: typeof form.values) => {
    const errors: FieldErrors = {};
    for (const field of ['date', 'time', 'untilDate'] as const)
      if (!v[field].trim()) errors[field] = t('forms.required', { label: labels[field] });
    const byPath = Object.fromEntries(Object.entries(aliases).map(([path, field]) => [path, labels[field]!]));
    for (const [path, message] of Object.entries(
      checkAgainst(changeSeries.body, body(v), t, { ...labels, ...byPath }),
    )) {
      const field = aliases[path] ?? path;
      if (!errors[field] && !(field === 'date' && errors.time)) errors[field] = message;
    }
    return errors;
  };
  const save = async (v: typeof form.values) => {
    await call(changeSeries, { params: { id: series.id }, body: body(v) });
    setOpen(false);
    announce(t('schedule.series.changed'));
    onChanged();
  };
  const zones = timeZones(form.values.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  const lengths = [...new Set([...meetingLengths, series.durationMinutes])].sort((a, b) => a - b);
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
            options={patternFrequencies.map((f) => ({
              value: f,
              label: t(`schedule.series.frequencies.${f}`),
            }))}
            {...form.field('frequency')}
          />
          <div className="field-row">
            <TextField
              type="number"
              min={interval.minValue ?? undefined}
              max={interval.maxValue ?? undefined}
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
