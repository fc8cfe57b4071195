import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editBody, editConcern, type Proposal } from '../../../contract/concerns.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { DialogFormActions } from '../../ui/DialogFormActions.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useForm } from '../../ui/use-form.ts';
import { shortStatement } from './text.ts';

function EditDialog({
  proposal,
  onClose,
  onSaved,
}: {
  proposal: Proposal;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const form = useForm(`edit-concern-${proposal.id}`, {
    statement: proposal.statement,
    themeTag: proposal.themeTag,
    showSetName: proposal.showSetName,
  });
  const labels = { statement: t('concerns.form.statement'), themeTag: t('concerns.form.themeTag') };
  const save = async (v: typeof form.values) => {
    await call(editConcern, { params: { id: proposal.id }, body: v });
    onSaved();
    announce(t('concerns.edited'));
    onClose();
  };
  return (
    <Modal title={t('concerns.editTitle')} onClose={onClose}>
      <form noValidate onSubmit={form.handleSubmit(save, (v) => checkAgainst(editBody, v, t, labels))}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <p className="callout callout--info callout--compact">{t('concerns.editRestarts')}</p>
        <TextAreaField
          label={labels.statement}
          hint={t('concerns.form.statementHint')}
          rows={4}
          data-autofocus
          {...form.field('statement')}
        />
        <TextField label={labels.themeTag} optional autoComplete="off" {...form.field('themeTag')} />
        <CheckboxField label={t('concerns.form.showSetName')} {...form.checkbox('showSetName')} />
        <DialogFormActions submitLabel={t('common.saveChanges')} busy={form.submitting} onCancel={onClose} />
      </form>
    </Modal>
  );
}

/** "Edit" on one's own proposal: a dialog with its words; saving starts the objection period again. */
export function EditProposal({ proposal, onSaved }: { proposal: Proposal; onSaved(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" small onClick={() => setOpen(true)}>
        {t('concerns.edit')}
        <span className="visually-hidden">
          {' '}
          {t('concerns.named', { text: shortStatement(proposal.statement) })}
        </span>
      </Button>
      {open ? <EditDialog proposal={proposal} onClose={() => setOpen(false)} onSaved={onSaved} /> : null}
    </>
  );
}
