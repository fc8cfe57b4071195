import { useTranslation } from 'react-i18next';

/** An inline spinner; decorative, so screen readers hear the text beside it instead. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A polite live region saying that something is loading. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <Spinner />
      {label ?? t('common.loading')}
    </p>
  );
}
