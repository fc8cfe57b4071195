import { useTranslation } from 'react-i18next';
import { objectionPeriodDays, type SetConcerns, updateConcernSettings } from '../../../contract/concerns.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

const days = Array.from(
  { length: objectionPeriodDays.max - objectionPeriodDays.min + 1 },
  (_, i) => objectionPeriodDays.min + i,
);

/** The set's objection period: its facilitator's to set (or any member's in a self-facilitated set). */
export function PeriodSetting({
  concerns,
  onSaved,
}: {
  concerns: SetConcerns;
  onSaved(c: SetConcerns): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const form = useForm(`concern-period-${concerns.setId}`, { objectionDays: String(concerns.objectionDays) });
  const save = async (v: typeof form.values) => {
    const saved = await call(updateConcernSettings, {
      params: { setId: concerns.setId },
      body: { objectionDays: Number(v.objectionDays) },
    });
    onSaved(saved);
    announce(t('concerns.period.saved', { count: saved.objectionDays }));
  };
  return (
    <form noValidate className="inline-form concern-period" onSubmit={form.handleSubmit(save)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <div className="inline-form__row">
        <SelectField
          label={t('concerns.period.label')}
          hint={t('concerns.period.hint')}
          options={days.map((d) => ({ value: String(d), label: t('concerns.period.days', { count: d }) }))}
          {...form.field('objectionDays')}
        />
        <Button type="submit" variant="secondary" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('concerns.period.save')}
        </Button>
      </div>
    </form>
  );
}
