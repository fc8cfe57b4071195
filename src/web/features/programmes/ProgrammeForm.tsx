import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProgrammeStatus, programmeStatuses, setSizeLimits } from '../../../domain/programme.ts';
import { transitionProblem } from '../../../domain/programme-lifecycle.ts';
import type { Programme } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';

export interface ProgrammeValues extends Record<string, string> {
  name: string;
  theme: string;
  purpose: string;
  meetingCadence: string;
  participation: string;
  startsOn: string;
  endsOn: string;
  status: string;
  'setSize.min': string;
  'setSize.max': string;
}

export function programmeValues(p?: Programme): ProgrammeValues {
  return {
    name: p?.name ?? '',
    theme: p?.theme ?? '',
    purpose: p?.purpose ?? '',
    meetingCadence: p?.meetingCadence ?? '',
    participation: p?.participation ?? '',
    startsOn: p?.startsOn ?? '',
    endsOn: p?.endsOn ?? '',
    status: p?.status ?? 'draft',
    'setSize.min': String(p?.setSize.min ?? 6),
    'setSize.max': String(p?.setSize.max ?? 8),
  };
}

/** The request body for create and update. */
export function programmeBody(v: ProgrammeValues) {
  return {
    name: v.name.trim(),
    theme: v.theme.trim(),
    purpose: v.purpose.trim(),
    meetingCadence: v.meetingCadence.trim(),
    participation: v.participation.trim(),
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    status: v.status,
    setSize: { min: Number(v['setSize.min']), max: Number(v['setSize.max']) },
  };
}

function validate(t: TFunction, v: ProgrammeValues) {
  const min = Number(v['setSize.min']);
  const max = Number(v['setSize.max']);
  const { min: lo, max: hi } = setSizeLimits;
  const sizeOk = (n: number) => Number.isInteger(n) && n >= lo && n <= hi;
  return checks(t)
    .required('name', v.name, t('programme.form.name'))
    .check(
      'endsOn',
      Boolean(v.startsOn && v.endsOn && v.endsOn < v.startsOn),
      t('programme.form.endBeforeStart'),
    )
    .check('setSize.min', !sizeOk(min), t('programme.form.sizeRange', { min: lo, max: hi }))
    .check('setSize.max', !sizeOk(max), t('programme.form.sizeRange', { min: lo, max: hi }))
    .check('setSize.max', sizeOk(min) && sizeOk(max) && min > max, t('programme.form.sizeOrder')).errors;
}

interface Props {
  initial: ProgrammeValues;
  submitLabel: string;
  busyLabel: string;
  onSubmit(values: ProgrammeValues): Promise<void>;
  extraActions?: ReactNode;
}

/** Name, purpose, period, status and set size bounds of a programme. */
export function ProgrammeForm({ initial, submitLabel, busyLabel, onSubmit, extraActions }: Props) {
  const { t } = useTranslation();
  const form = useForm('programme', initial, { aliases: { setSize: 'setSize.min' } });
  // Offer only the statuses the lifecycle allows from here (a new programme starts as a draft).
  const from = initial.status as ProgrammeStatus;
  const statusOptions = programmeStatuses
    .filter((s) => transitionProblem(from, s) === null)
    .map((s) => ({ value: s, label: t(`programme.status.${s}`) }));

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit, (v) => validate(t, v))} className="form">
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField
        label={t('programme.form.name')}
        hint={t('programme.form.nameHint')}
        {...form.field('name')}
      />
      <TextField
        label={t('programme.form.theme')}
        hint={t('programme.form.themeHint')}
        optional
        {...form.field('theme')}
      />
      <TextAreaField
        label={t('programme.form.purpose')}
        hint={t('programme.form.purposeHint')}
        optional
        {...form.field('purpose')}
      />
      <TextField
        label={t('enrolment.programmeForm.cadence')}
        hint={t('enrolment.programmeForm.cadenceHint')}
        optional
        {...form.field('meetingCadence')}
      />
      <TextAreaField
        label={t('enrolment.programmeForm.participation')}
        hint={t('enrolment.programmeForm.participationHint')}
        optional
        {...form.field('participation')}
      />
      <fieldset className="fieldset">
        <legend>{t('programme.form.period')}</legend>
        <p className="field__hint">{t('programme.form.periodHint')}</p>
        <div className="field-row">
          <TextField label={t('programme.form.startsOn')} type="date" optional {...form.field('startsOn')} />
          <TextField label={t('programme.form.endsOn')} type="date" optional {...form.field('endsOn')} />
        </div>
      </fieldset>
      <SelectField
        label={t('programme.form.status')}
        hint={t('programme.form.statusHint')}
        options={statusOptions}
        {...form.field('status')}
      />
      <fieldset className="fieldset">
        <legend>{t('programme.form.setSize')}</legend>
        <p className="field__hint">{t('programme.form.setSizeHint')}</p>
        <div className="field-row">
          <TextField
            label={t('programme.form.minSize')}
            type="number"
            inputMode="numeric"
            min={setSizeLimits.min}
            max={setSizeLimits.max}
            className="input--short"
            {...form.field('setSize.min')}
          />
          <TextField
            label={t('programme.form.maxSize')}
            type="number"
            inputMode="numeric"
            min={setSizeLimits.min}
            max={setSizeLimits.max}
            className="input--short"
            {...form.field('setSize.max')}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
