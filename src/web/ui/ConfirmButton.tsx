import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../api/problem-text.ts';
import { Button, type Variant } from './Button.tsx';
import { Modal } from './Modal.tsx';

interface Props {
  label: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  variant?: Variant;
  small?: boolean;
}

/**
 * A button that asks first: the dialog's safe choice (Cancel) has focus, so Enter never destroys. The
 * trigger is always a quiet secondary button; `variant` styles the dialog's confirming button.
 */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  small,
}: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setError(null);
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="secondary"
        className={variant === 'danger' ? 'button--danger-text' : undefined}
        small={small}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      {open ? (
        <Modal title={title} onClose={close}>
          <div className="dialog__body">{message}</div>
          {error ? (
            <p className="inline-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog__actions">
            <Button variant="secondary" data-autofocus onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button variant={variant} busy={busy} onClick={confirm}>
              {confirmLabel}
            </Button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
