import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LearningSet } from '../../../contract/sets.ts';
import { type SetMode, setModes } from '../../../domain/programme.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

/** What the form holds is what it sends (the server trims the texts). */
export type SetValues = { name: string; theme: string; mode: SetMode };

export const setValues = (set?: LearningSet): SetValues => ({
  name: set?.name ?? '',
  theme: set?.theme ?? '',
  mode: set?.mode ?? 'facilitated',
});

interface Props {
  initial: SetValues;
  /** The body of the route the form sends to: its checks run before sending. */
  schema: z.ZodType;
  submitLabel: string;
  onSubmit(values: SetValues): Promise<void>;
  extraActions?: ReactNode;
}

/** A set's name, optional theme and whether a facilitator runs it or members take turns to chair. */
export function SetForm({ initial, schema, submitLabel, onSubmit, extraActions }: Props) {
  const { t } = useTranslation();
  const form = useForm('set', initial);
  const validate = (v: SetValues) =>
    checkAgainst(schema, v, t, {
      name: t('set.form.name'),
      theme: t('set.form.theme'),
      mode: t('set.form.mode'),
    });
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
