import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setModes } from '../../../domain/programme.ts';
import type { LearningSet } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';

export type SetValues = { name: string; theme: string; mode: string };

export const setValues = (set?: LearningSet): SetValues => ({
  name: set?.name ?? '',
  theme: set?.theme ?? '',
  mode: set?.mode ?? 'facilitated',
});

interface Props {
  initial: SetValues;
  submitLabel: string;
  onSubmit(values: SetValues): Promise<void>;
  extraActions?: ReactNode;
}

/** A set's name, optional theme and whether a facilitator runs it or members take turns to chair. */
export function SetForm({ initial, submitLabel, onSubmit, extraActions }: Props) {
  const { t } = useTranslation();
  const form = useForm('set', initial);
  const validate = (v: SetValues) => checks(t).required('name', v.name, t('set.form.name')).errors;
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(onSubmit, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField label={t('set.form.name')} hint={t('set.form.nameHint')} {...form.field('name')} />
      <TextField
        label={t('set.form.theme')}
        hint={t('set.form.themeHint')}
        optional
        {...form.field('theme')}
      />
      <SelectField
        label={t('set.form.mode')}
        hint={t('set.form.modeHint')}
        options={setModes.map((m) => ({ value: m, label: t(`set.mode.${m}`) }))}
        {...form.field('mode')}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}

export const setBody = (v: SetValues) => ({ name: v.name.trim(), theme: v.theme.trim(), mode: v.mode });
