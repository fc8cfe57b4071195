import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

/** The foot of a form in a dialog: Cancel, which closes it, then the submit button (busy while saving). */
export function DialogFormActions({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog__actions">
      <Button variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" busy={busy} busyLabel={t('common.saving')}>
        {submitLabel}
      </Button>
    </div>
  );
}
