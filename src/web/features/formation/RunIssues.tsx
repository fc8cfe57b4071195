import { useTranslation } from 'react-i18next';
import type { FormationRun } from '../../../contract/formation.ts';

/** Every rule the proposal does not meet, most serious first, with the engine's reasons; and notices. */
export function RunIssues({ run }: { run: FormationRun }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="issues-heading">
      <h2 id="issues-heading">{t('formation.issues.title')}</h2>
      {run.issues.length === 0 ? (
        <p className="callout callout--success">{t('formation.issues.none')}</p>
      ) : (
        <ul className="issue-list">
          {run.issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their order
            <li key={i} className={`issue issue--${issue.severity}`}>
              <strong>{t(`formation.severity.${issue.severity}`)}</strong> {issue.message}
            </li>
          ))}
        </ul>
      )}
      {run.notices.length > 0 ? (
        <>
          <h3>{t('formation.issues.notices')}</h3>
          <ul>
            {run.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
