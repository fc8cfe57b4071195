import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contract/people.ts';

/** A read-only summary of a person, for viewers who may not change them. */
export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('people.form.organisation'), person.organisation?.name ?? t('people.noOrganisation')],
    [t('people.form.jobRole'), person.jobRole || '—'],
    ...(person.email ? ([[t('people.form.email'), person.email]] as [string, string][]) : []),
    [t('people.form.timeZone'), person.timeZone],
    [t('people.form.language'), t(`languages.${person.language}`)],
  ];
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term} className="details__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
