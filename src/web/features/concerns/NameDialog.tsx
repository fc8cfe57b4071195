import { useTranslation } from 'react-i18next';
import { createThemeBody } from '../../../contract/concerns.ts';
import { checkAgainst } from '../../ui/check-against.ts';
import { DialogFormActions } from '../../ui/DialogFormActions.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useForm } from '../../ui/use-form.ts';

/** Asks for a theme's name (to add, rename or split off a theme); the server's answer shows in the form. */
export function NameDialog({
  title,
  initial,
  submitLabel,
  onClose,
  onSubmit,
}: {
  title: string;
  initial: string;
  submitLabel: string;
  onClose(): void;
  onSubmit(name: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useForm('theme-name', { name: initial });
  const label = t('concerns.themes.name');
  const submit = async (v: typeof form.values) => {
    await onSubmit(v.name);
    onClose();
  };
  return (
    <Modal title={title} onClose={onClose}>
      <form
        noValidate
        onSubmit={form.handleSubmit(submit, (v) => checkAgainst(createThemeBody, v, t, { name: label }))}
      >
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <TextField label={label} autoComplete="off" data-autofocus {...form.field('name')} />
        <DialogFormActions submitLabel={submitLabel} busy={form.submitting} onCancel={onClose} />
      </form>
    </Modal>
  );
}
