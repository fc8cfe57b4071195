import { useTranslation } from 'react-i18next';
import type { FormationRun } from '../../../contract/formation.ts';

/** Every rule the proposal does not meet, most serious first, with the engine's reasons; and notices. */
export function RunIssues({ run }: { run: FormationRun }) {
  const { t } = useTranslation();
  const rules = run.issues.filter((i) => i.severity === 'hard');
  const wishes = run.issues.filter((i) => i.severity !== 'hard');
  return (
    <section className="section" aria-labelledby="issues-heading">
      <h2 id="issues-heading">{t('formation.issues.title')}</h2>
      {run.issues.length === 0 ? (
        <p className="callout callout--success">{t('formation.issues.none')}</p>
      ) : (
        <>
          {/* Rules are hard (broken = something to fix); preferences are wishes the mix could not fully meet. */}
          {rules.length > 0 ? (
            <>
              <h3>{t('formation.issues.rules')}</h3>
              <ul className="issue-list">
                {rules.map((issue, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their order
                  <li key={i} className={`issue issue--${issue.severity}`}>
                    <strong>{t(`formation.severity.${issue.severity}`)}</strong> {issue.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {wishes.length > 0 ? (
            <>
              <h3>{t('formation.issues.preferencesNotMet')}</h3>
              <p className="muted">{t('formation.issues.preferencesLead')}</p>
              <ul className="issue-list">
                {wishes.map((issue, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their order
                  <li key={i} className={`issue issue--${issue.severity}`}>
                    {issue.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
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
