import { useTranslation } from 'react-i18next';
import { Outlet, useRouteError } from 'react-router';
import { useTitle } from '../ui/use-title.ts';
import { FlashProvider } from './flash.tsx';
import { Shell } from './Shell.tsx';

/** The element of the top route: flash messages and the page frame around every page. */
export function Root() {
  return (
    <FlashProvider>
      <Shell>
        <Outlet />
      </Shell>
    </FlashProvider>
  );
}

/** Shown if a page crashes while rendering: calm words and a way back, never a blank screen. */
export function CrashPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useTitle(t('errors.title'));
  if (error) console.error(error);
  return (
    <main id="main" className="site-main" tabIndex={-1}>
      <section className="page page--narrow notice-page">
        <h1>{t('errors.title')}</h1>
        <p className="lead">{t('errors.crashed')}</p>
        <p>
          <a href="/">{t('notFound.home')}</a>
        </p>
      </section>
    </main>
  );
}
