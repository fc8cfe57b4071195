import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { createProgramme, Programme } from '../../../contract/programmes.ts';
import type { BodyInput } from '../../../contract/route.ts';
import {
  type ProgrammeStatus,
  programmeStatuses,
  setSizeLimits,
  validPeriod,
  validSizeBounds,
} from '../../../domain/programme.ts';
import { transitionProblem } from '../../../domain/programme-lifecycle.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { type FieldErrors, useForm } from '../../ui/use-form.ts';

export interface ProgrammeValues extends Record<string, string> {
  name: string;
  theme: string;
  purpose: string;
  meetingCadence: string;
  participation: string;
  startsOn: string;
  endsOn: string;
  status: ProgrammeStatus;
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

/** The request body for create and update (the server trims the texts). */
export function programmeBody(v: ProgrammeValues): BodyInput<typeof createProgramme> {
  return {
    name: v.name,
    theme: v.theme,
    purpose: v.purpose,
    meetingCadence: v.meetingCadence,
    participation: v.participation,
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    status: v.status,
    setSize: { min: Number(v['setSize.min']), max: Number(v['setSize.max']) },
  };
}

const fieldOrder = [
  'name',
  'theme',
  'purpose',
  'meetingCadence',
  'participation',
  'startsOn',
  'endsOn',
  'status',
  'setSize.min',
  'setSize.max',
] as const;

/** The route's own checks, then the domain's rules across fields, which the server also applies. */
function validate(t: TFunction, schema: z.ZodType, v: ProgrammeValues): FieldErrors {
  const body = programmeBody(v);
  const sizeRange = t('programme.form.sizeRange', { ...setSizeLimits });
  const labels: Record<(typeof fieldOrder)[number], string> = {
    name: t('programme.form.name'),
    theme: t('programme.form.theme'),
    purpose: t('programme.form.purpose'),
    meetingCadence: t('enrolment.programmeForm.cadence'),
    participation: t('enrolment.programmeForm.participation'),
    startsOn: t('programme.form.startsOn'),
    endsOn: t('programme.form.endsOn'),
    status: t('programme.form.status'),
    'setSize.min': t('programme.form.minSize'),
    'setSize.max': t('programme.form.maxSize'),
  };
  const found = checkAgainst(schema, body, t, labels, { 'setSize.min': sizeRange, 'setSize.max': sizeRange });
  if (!found.endsOn && validPeriod(body.startsOn ?? null, body.endsOn ?? null))
    found.endsOn = t('programme.form.endBeforeStart');
  if (!found['setSize.min'] && !found['setSize.max'] && body.setSize && validSizeBounds(body.setSize))
    found['setSize.max'] = t('programme.form.sizeOrder');
  // In the order the form shows its fields, so the summary reads top to bottom.
  const errors: FieldErrors = {};
  for (const field of fieldOrder) if (found[field]) errors[field] = found[field];
  return errors;
}

interface Props {
  initial: ProgrammeValues;
  /** The body of the route the form sends to: its checks run before sending. */
  schema: z.ZodType;
  submitLabel: string;
  busyLabel: string;
  onSubmit(values: ProgrammeValues): Promise<void>;
  extraActions?: ReactNode;
}

/** Name, purpose, period, status and set size bounds of a programme. */
export function ProgrammeForm({ initial, schema, submitLabel, busyLabel, onSubmit, extraActions }: Props) {
  const { t } = useTranslation();
  const form = useForm('programme', initial, { aliases: { setSize: 'setSize.min' } });
  // Offer only the statuses the lifecycle allows from here (a new programme starts as a draft).
  const from = initial.status;
  const statusOptions = programmeStatuses
    .filter((s) => transitionProblem(from, s) === null)
    .map((s) => ({ value: s, label: t(`programme.status.${s}`) }));

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit, (v) => validate(t, schema, v))} className="form">
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
