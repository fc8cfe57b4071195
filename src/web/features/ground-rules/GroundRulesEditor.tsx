import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';
import type { GroundRules } from './types.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Edits the set's own version: one rule a line; saving adopts a new version everyone accepts again. */
export function GroundRulesEditor({
  rules,
  onSaved,
  onCancel,
}: {
  rules: GroundRules;
  onSaved(next: GroundRules): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const initial = { rules: rules.rules.join('\n') };
  const form = useForm('ground-rules', initial);
  const save = async (v: typeof initial) => {
    onSaved(
      await api.put<GroundRules>(`/api/sets/${rules.setId}/ground-rules`, {
        rules: lines(v.rules),
        basedOn: rules.version,
      }),
    );
  };
  return (
    <form
      noValidate
      className="form"
      onSubmit={form.handleSubmit(
        save,
        (v) => checks(t).check('rules', lines(v.rules).length === 0, t('groundRules.edit.required')).errors,
      )}
    >
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextAreaField
        label={t('groundRules.edit.label')}
        hint={t('groundRules.edit.hint')}
        rows={10}
        {...form.field('rules')}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('groundRules.edit.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
