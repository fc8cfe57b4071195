import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isProblem } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { useTitle } from '../ui/use-title.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * The sentence to show for a failed call: a refusal in the catalogue's words for its action (never the
 * internal action name), the network message, or the server's own sentence.
 */
export function failureText(t: TFunction, error: unknown): string {
  if (!isProblem(error) || error.code === 'network') return t('errors.network');
  // A refusal (403) comes worded by the server in the reader's language, from the catalogue's
  // `refusals` for the refused action (src/server/http/authorize.ts), never as the action's name.
  return error.detail;
}

/** Trying again helps only when the network or the server failed, not after a refusal or a 404/409/410. */
const retriable = (error: unknown) => !isProblem(error) || error.retriable;

/** What a page shows when its data could not be loaded: not found, sign in again, or try again. */
export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const status = isProblem(error) ? error.status : undefined;
  useTitle(
    status === 404 || status === 401
      ? undefined
      : status === 403
        ? t('errors.refusedTitle')
        : t('errors.title'),
  );
  if (status === 404) return <NotFoundPage />;
  if (status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return (
    <section className="page page--narrow notice-page">
      <h1>{status === 403 ? t('errors.refusedTitle') : t('errors.title')}</h1>
      <p className="lead" role="alert">
        {failureText(t, error)}
      </p>
      {retry && retriable(error) ? (
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
  return (
    <div className="callout callout--danger" role="alert">
      <p>{failureText(t, error)}</p>
      {retry && retriable(error) ? (
        <Button variant="secondary" small onClick={retry}>
          {t('common.tryAgain')}
        </Button>
      ) : null}
    </div>
  );
}
