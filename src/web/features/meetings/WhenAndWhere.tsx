import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useMe } from '../../app/session.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import type { FieldErrors, Form } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';
import { viewerTimeZone } from './time.ts';

/** The lengths offered for a meeting or a programme date, in minutes. */
export const meetingLengths = [60, 90, 120, 150, 180, 240, 300, 360, 420, 480];

/** When and where a dated gathering (a set's meeting, a programme date) takes place, as the form holds it. */
export interface WhenAndWhere {
  date: string;
  time: string;
  durationMinutes: string;
  timeZone: string;
  place: string;
  videoUrl: string;
  [field: string]: string | boolean;
}

/** A new gathering's defaults: 10:00 for three hours, in the person's zone (else the host's, else the browser's). */
export function useNewWhenAndWhere(): WhenAndWhere {
  const me = useMe();
  return {
    date: '',
    time: '10:00',
    durationMinutes: '180',
    timeZone: me.person.timeZone || me.host.defaultTimeZone || viewerTimeZone(),
    place: '',
    videoUrl: '',
  };
}

/** The request's part: one wall-clock start in an explicit zone, so "10:00 in London" stays 10:00 there. */
export function whenAndWhereBody(v: WhenAndWhere) {
  return {
    localStart: `${v.date}T${v.time}`,
    timeZone: v.timeZone,
    durationMinutes: Number(v.durationMinutes),
    place: v.place.trim(),
    videoUrl: v.videoUrl.trim(),
  };
}

/**
 * Checks the body with the route's own schema. The form asks for the day and the time apart while the
 * route takes one start, so a bad start is shown at the day unless the day or time is simply missing.
 */
export function checkWhenAndWhere(
  t: TFunction,
  schema: z.ZodType,
  body: unknown,
  v: WhenAndWhere,
  otherLabels: Record<string, string> = {},
): FieldErrors {
  const parts = checks(t)
    .required('date', v.date, t('meeting.schedule.date'))
    .required('time', v.time, t('meeting.schedule.time')).errors;
  const { localStart, ...errors } = checkAgainst(
    schema,
    body,
    t,
    {
      ...otherLabels,
      localStart: t('meeting.schedule.date'),
      durationMinutes: t('meeting.schedule.duration'),
      timeZone: t('meeting.schedule.timeZone'),
      place: t('meeting.schedule.place'),
      videoUrl: t('meeting.schedule.videoUrl'),
    },
    { videoUrl: t('meeting.schedule.videoUrlInvalid') },
  );
  return { ...(localStart && !parts.date && !parts.time ? { date: localStart } : {}), ...parts, ...errors };
}

/** The day, time, length, zone, place and video link fields; `zoneHint` explains the zone where it helps. */
export function WhenAndWhereFields<V extends WhenAndWhere>({
  form,
  zoneHint,
}: {
  form: Form<V>;
  zoneHint?: string;
}) {
  const { t } = useTranslation();
  const zones = timeZones(form.values.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  return (
    <>
      <div className="field-row">
        <TextField type="date" label={t('meeting.schedule.date')} {...form.field('date')} />
        <TextField type="time" label={t('meeting.schedule.time')} {...form.field('time')} />
        <SelectField
          label={t('meeting.schedule.duration')}
          options={meetingLengths.map((m) => ({
            value: String(m),
            label: t('meeting.schedule.hours', { count: m / 60 }),
          }))}
          {...form.field('durationMinutes')}
        />
      </div>
      <SelectField
        label={t('meeting.schedule.timeZone')}
        hint={zoneHint}
        options={zones}
        {...form.field('timeZone')}
      />
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
    </>
  );
}
