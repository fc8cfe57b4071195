import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> – Revans" while the page is shown. */
export function useTitle(page: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (page) document.title = t('app.documentTitle', { page });
  }, [page, t]);
}
