import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pattern } from '../../../contract/series.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import { useForm } from '../../ui/use-form.ts';
import {
  addOption,
  durations,
  maxOptions,
  minOptions,
  optionKey,
  optionsOf,
  type PollKind,
  type PollValues,
  pollAliases,
  removeOption,
  validatePoll,
} from './poll-form.ts';

const interval = pattern.shape.interval;

interface Props {
  kind: PollKind;
  initial: PollValues;
  submitLabel: string;
  /** Sends the poll; a problem from the server lands at its fields. */
  onSubmit(values: PollValues): Promise<void>;
  extraActions?: ReactNode;
}

/**
 * The form that proposes a poll's candidate times in one time zone, for a set's regular slot (with how
 * often it repeats and until when) or for a programme-wide date. Options can be added and removed.
 */
export function PollForm({ kind, initial, submitLabel, onSubmit, extraActions }: Props) {
  const { t } = useTranslation();
  const form = useForm(`poll-${kind}`, initial, { aliases: pollAliases() });
  const options = optionsOf(form.values);
  // After adding or removing an option, focus goes to the option that is now at that place.
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const add = () => {
    focusNext.current = form.idFor(optionKey(options.length));
    form.reset(addOption(form.values));
  };
  const remove = (index: number) => {
    focusNext.current = form.idFor(optionKey(Math.min(index, options.length - 2)));
    form.reset(removeOption(form.values, index));
  };
  const zones = timeZones(form.values.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(onSubmit, (v) => validatePoll(t, kind, v))}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField label={t('schedule.pollForm.title')} autoComplete="off" {...form.field('title')} />
      <SelectField
        label={t('schedule.pollForm.zone')}
        hint={t('schedule.pollForm.zoneHint')}
        options={zones}
        {...form.field('timeZone')}
      />
      <fieldset className="fieldset poll-options">
        <legend>{t('schedule.pollForm.options')}</legend>
        <p className="field__hint">
          {t(kind === 'slot' ? 'schedule.pollForm.optionsHintSlot' : 'schedule.pollForm.optionsHint', {
            zone: form.values.timeZone,
          })}
        </p>
        {options.map((_, i) => (
          <div className="poll-options__row" key={optionKey(i)}>
            <TextField
              type="datetime-local"
              label={t('schedule.pollForm.option', { n: i + 1 })}
              {...form.field(optionKey(i))}
            />
            {options.length > minOptions ? (
              <Button variant="quiet" small onClick={() => remove(i)}>
                {t('schedule.pollForm.remove', { n: i + 1 })}
              </Button>
            ) : null}
          </div>
        ))}
        {options.length < maxOptions ? (
          <Button variant="secondary" small onClick={add}>
            {t('schedule.pollForm.add')}
          </Button>
        ) : null}
      </fieldset>
      <div className="field-row">
        <SelectField
          label={t('schedule.pollForm.duration')}
          options={durations.map((m) => ({
            value: String(m),
            label: t('schedule.pollForm.hours', { count: m / 60 }),
          }))}
          {...form.field('durationMinutes')}
        />
        {kind === 'slot' ? (
          <TextField
            type="number"
            min={interval.minValue ?? undefined}
            max={interval.maxValue ?? undefined}
            inputMode="numeric"
            label={t('schedule.pollForm.interval')}
            {...form.field('interval')}
          />
        ) : null}
      </div>
      {kind === 'slot' ? (
        <TextField
          type="date"
          label={t('schedule.pollForm.until')}
          hint={t('schedule.pollForm.untilHint')}
          {...form.field('untilDate')}
        />
      ) : null}
      <TextField
        label={t('schedule.pollForm.place')}
        hint={t('schedule.pollForm.placeHint')}
        optional
        {...form.field('place')}
      />
      <TextField
        type="url"
        label={t('schedule.pollForm.videoUrl')}
        hint={t('schedule.pollForm.videoUrlHint')}
        optional
        inputMode="url"
        {...form.field('videoUrl')}
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
