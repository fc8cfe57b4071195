import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type GroundRules, updateGroundRules } from '../../../contract/ground-rules.ts';
import type { BodyInput } from '../../../contract/route.ts';
import { call } from '../../api/call.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { type FieldErrors, useForm } from '../../ui/use-form.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The route's checks, all shown on the one text area: a rule too long says so there. */
function validate(t: TFunction, body: BodyInput<typeof updateGroundRules>): FieldErrors {
  const errors = checkAgainst(
    updateGroundRules.body,
    body,
    t,
    { rules: t('groundRules.edit.label') },
    body.rules.length === 0 ? { rules: t('groundRules.edit.required') } : {},
  );
  const first = Object.entries(errors).find(([field]) => field === 'rules' || field.startsWith('rules.'));
  return first ? { rules: first[1] } : errors;
}

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
  const body = (v: typeof initial) => ({ rules: lines(v.rules), basedOn: rules.version });
  const save = async (v: typeof initial) => {
    onSaved(await call(updateGroundRules, { params: { id: rules.setId }, body: body(v) }));
  };
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(save, (v) => validate(t, body(v)))}>
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
