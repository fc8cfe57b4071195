import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Organisation, updateOrganisation } from '../../../contract/organisations.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { DialogFormActions } from '../../ui/DialogFormActions.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useForm } from '../../ui/use-form.ts';

function RenameDialog({
  organisation,
  onClose,
  onSaved,
}: {
  organisation: Organisation;
  onClose(): void;
  onSaved(o: Organisation): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const form = useForm(`rename-${organisation.id}`, { name: organisation.name });
  const validate = (v: typeof form.values) =>
    checkAgainst(updateOrganisation.body, v, t, { name: t('organisations.form.name') });
  const save = async (v: typeof form.values) => {
    const updated = await call(updateOrganisation, { params: { id: organisation.id }, body: v });
    onSaved(updated);
    announce(t('organisations.renamed', { name: updated.name }));
    onClose();
  };
  return (
    <Modal title={t('organisations.renameTitle', { name: organisation.name })} onClose={onClose}>
      <form noValidate onSubmit={form.handleSubmit(save, validate)}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <TextField
          label={t('organisations.form.name')}
          autoComplete="off"
          data-autofocus
          {...form.field('name')}
        />
        <DialogFormActions submitLabel={t('common.saveChanges')} busy={form.submitting} onCancel={onClose} />
      </form>
    </Modal>
  );
}

/** A "Rename" button that opens a small dialog with the name field. */
export function RenameOrganisation({
  organisation,
  onSaved,
}: {
  organisation: Organisation;
  onSaved(o: Organisation): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="quiet" small onClick={() => setOpen(true)}>
        {t('organisations.rename')}
        <span className="visually-hidden"> {organisation.name}</span>
      </Button>
      {open ? (
        <RenameDialog organisation={organisation} onClose={() => setOpen(false)} onSaved={onSaved} />
      ) : null}
    </>
  );
}
