import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTitle } from '../ui/use-title.ts';
import { useSession } from './session.tsx';

/** Shown for unknown addresses and for anything the viewer may not see (the API answers 404 for both). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useTitle(t('notFound.title'));
  return (
    <section className="page page--narrow notice-page">
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.body')}</p>
      <p>{t('notFound.help')}</p>
      <p>
        {me ? <Link to="/">{t('notFound.home')}</Link> : <Link to="/sign-in">{t('notFound.signIn')}</Link>}
      </p>
    </section>
  );
}
