import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** For a new host admin: the four steps from an empty Revans to sets that can meet. */
export function GettingStarted() {
  const { t } = useTranslation();
  return (
    <section className="section card getting-started" aria-labelledby="getting-started">
      <h2 id="getting-started">{t('dashboard.start.title')}</h2>
      <ol className="steps">
        <li>
          <Link to="/organisations">{t('dashboard.start.organisations')}</Link>
          <span className="steps__hint">{t('dashboard.start.organisationsHint')}</span>
        </li>
        <li>
          <Link to="/people">{t('dashboard.start.people')}</Link>
          <span className="steps__hint">{t('dashboard.start.peopleHint')}</span>
        </li>
        <li>
          <Link to="/programmes/new">{t('dashboard.start.programme')}</Link>
          <span className="steps__hint">{t('dashboard.start.programmeHint')}</span>
        </li>
        <li>
          <span>{t('dashboard.start.sets')}</span>
          <span className="steps__hint">{t('dashboard.start.setsHint')}</span>
        </li>
      </ol>
    </section>
  );
}
