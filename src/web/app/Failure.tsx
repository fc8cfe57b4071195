import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isProblem } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { useTitle } from '../ui/use-title.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** What a page shows when its data could not be loaded: not found, sign in again, or try again. */
export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const status = isProblem(error) ? error.status : undefined;
  useTitle(status === 404 || status === 401 ? undefined : t('errors.title'));
  if (status === 404) return <NotFoundPage />;
  if (status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  const detail = isProblem(error) && error.code !== 'network' ? error.detail : t('errors.network');
  return (
    <section className="page page--narrow notice-page">
      <h1>{t('errors.title')}</h1>
      <p className="lead" role="alert">
        {detail}
      </p>
      {retry ? (
        <Button variant="secondary" onClick={retry}>
          {t('common.tryAgain')}
        </Button>
      ) : null}
    </section>
  );
}

/** The same, inside a page whose own heading is already shown (a section failed to load). */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const detail = isProblem(error) && error.code !== 'network' ? error.detail : t('errors.network');
  return (
    <div className="callout callout--danger" role="alert">
      <p>{detail}</p>
      {retry ? (
        <Button variant="secondary" small onClick={retry}>
          {t('common.tryAgain')}
        </Button>
      ) : null}
    </div>
  );
}
