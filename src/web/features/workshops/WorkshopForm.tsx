import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../contract/concerns.ts';
import type { Person } from '../../../contract/people.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import { useForm } from '../../ui/use-form.ts';
import { durations, labelsFor, validateWorkshop, type WorkshopValues } from './workshop-form.ts';

interface Props {
  initial: WorkshopValues;
  initialThemes: string[];
  themes: Theme[];
  people: Person[];
  /** Editing an existing workshop: its date is moved from its calendar entry, not here. */
  editing?: boolean;
  submitLabel: string;
  onSubmit(values: WorkshopValues, themeIds: string[]): Promise<void>;
  extraActions?: React.ReactNode;
}

/** Plan or change a workshop: themes it takes up, date (directly or by poll), place, agenda, facilitator, capacity. */
export function WorkshopForm({
  initial,
  initialThemes,
  themes,
  people,
  editing = false,
  submitLabel,
  onSubmit,
  extraActions,
}: Props) {
  const { t } = useTranslation();
  const form = useForm('workshop', initial, { aliases: { pollOptions: 'option1', themeIds: 'title' } });
  const [chosen, setChosen] = useState<string[]>(initialThemes);
  const zones = timeZones(form.values.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  const labels = labelsFor(t);
  const validate = (v: WorkshopValues) => validateWorkshop(t, v, chosen, editing);
  const toggle = (id: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit((v) => onSubmit(v, chosen), validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField label={labels.title} autoComplete="off" {...form.field('title')} />
      <fieldset className="fieldset">
        <legend>{t('workshops.form.themes')}</legend>
        {themes.length === 0 ? (
          <p className="field__hint">{t('workshops.form.noThemes')}</p>
        ) : (
          themes.map((theme) => (
            <CheckboxField
              key={theme.id}
              id={`workshop-theme-${theme.id}`}
              label={theme.name}
              checked={chosen.includes(theme.id)}
              onChange={(e) => toggle(theme.id, e.target.checked)}
            />
          ))
        )}
      </fieldset>
      {editing ? null : (
        <fieldset className="fieldset">
          <legend>{t('workshops.form.date')}</legend>
          <SelectField
            label={t('workshops.form.dateMode')}
            options={[
              { value: 'poll', label: t('workshops.form.byPoll') },
              { value: 'direct', label: t('workshops.form.direct') },
            ]}
            {...form.field('dateMode')}
          />
          <SelectField label={t('workshops.form.zone')} options={zones} {...form.field('timeZone')} />
          <SelectField
            label={t('workshops.form.duration')}
            options={durations.map((d) => ({
              value: String(d),
              label: t('workshops.form.hours', { count: d / 60 }),
            }))}
            {...form.field('durationMinutes')}
          />
          {form.values.dateMode === 'direct' ? (
            <TextField type="datetime-local" label={labels.localStart} {...form.field('localStart')} />
          ) : (
            <>
              <p className="field__hint">{t('workshops.form.optionsHint', { zone: form.values.timeZone })}</p>
              <TextField
                type="datetime-local"
                label={t('workshops.form.option', { n: 1 })}
                {...form.field('option1')}
              />
              <TextField
                type="datetime-local"
                label={t('workshops.form.option', { n: 2 })}
                {...form.field('option2')}
              />
              <TextField
                type="datetime-local"
                optional
                label={t('workshops.form.option', { n: 3 })}
                {...form.field('option3')}
              />
            </>
          )}
        </fieldset>
      )}
      <TextField label={labels.place} optional {...form.field('place')} />
      <TextField type="url" label={labels.videoUrl} optional {...form.field('videoUrl')} />
      <TextAreaField
        label={labels.agenda}
        hint={t('workshops.form.markdownHint')}
        optional
        rows={6}
        {...form.field('agenda')}
      />
      <SelectField
        label={t('workshops.form.facilitator')}
        options={[
          { value: '', label: t('workshops.form.noFacilitator') },
          ...people.map((p) => ({ value: p.id, label: p.name })),
        ]}
        {...form.field('facilitatorId')}
      />
      <TextField
        type="number"
        min={1}
        label={labels.capacity}
        hint={t('workshops.form.capacityHint')}
        optional
        {...form.field('capacity')}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
