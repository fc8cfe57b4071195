import { useTranslation } from 'react-i18next';
import { type Proposal, proposeBody, proposeConcern, statementLength } from '../../../contract/concerns.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

/** Propose a concern for sharing: words written for the programme, never anyone's problem as told. */
export function ProposeForm({
  setId,
  idPrefix,
  onProposed,
}: {
  setId: string;
  /** Distinguishes the form on a page that may show it twice (the room and the set page). */
  idPrefix: string;
  onProposed(p: Proposal): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const empty = { statement: '', themeTag: '', showSetName: false };
  const form = useForm(idPrefix, empty);
  const labels = { statement: t('concerns.form.statement'), themeTag: t('concerns.form.themeTag') };
  const validate = (v: typeof form.values) => checkAgainst(proposeBody, v, t, labels);
  const propose = async (v: typeof form.values) => {
    const created = await call(proposeConcern, { params: { setId }, body: v });
    form.reset(empty);
    onProposed(created);
    announce(t('concerns.proposed'));
  };
  const length = form.values.statement.trim().length;
  return (
    <form noValidate className="concern-form" onSubmit={form.handleSubmit(propose, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextAreaField
        label={labels.statement}
        hint={
          <>
            {t('concerns.form.statementHint')}{' '}
            <span className="concern-form__count">
              {t('concerns.form.count', { count: length, max: statementLength.max })}
            </span>
          </>
        }
        rows={3}
        {...form.field('statement')}
      />
      <TextField
        label={labels.themeTag}
        hint={t('concerns.form.themeTagHint')}
        optional
        autoComplete="off"
        className="input--short"
        {...form.field('themeTag')}
      />
      <CheckboxField
        label={t('concerns.form.showSetName')}
        hint={t('concerns.form.showSetNameHint')}
        {...form.checkbox('showSetName')}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('concerns.form.propose')}
        </Button>
      </div>
    </form>
  );
}
