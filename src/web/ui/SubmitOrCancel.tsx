import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

/**
 * The buttons under a small form that opens in place: send it (busy while it is sent) or, given
 * `onCancel`, close it unsent.
 */
export function SubmitOrCancel({
  submit,
  busy,
  onCancel,
  className = 'form-actions',
}: {
  submit: ReactNode;
  busy?: boolean;
  onCancel?(): void;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <Button type="submit" small busy={busy}>
        {submit}
      </Button>
      {onCancel ? (
        <Button variant="quiet" small onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
    </div>
  );
}
