import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from './context.ts';
import { participants } from './participants.ts';

/** Everyone taking part, with their organisation, set and role; for those who run the programme. */
export function ProgrammePeopleTab() {
  const { t } = useTranslation();
  const { programme, sets, setsError, reloadSets } = useProgramme();
  useTitle(t('programme.tabTitle', { tab: t('programme.tabs.people'), name: programme.name }));
  if (!programme.abilities['programme.readPeople']) return <NotFoundPage />;
  const list = sets ? participants(sets) : [];
  const { coordinators } = programme;

  return (
    <>
      <section aria-labelledby="coordinators-heading" className="section">
        <h2 id="coordinators-heading">{t('programme.people.coordinators')}</h2>
        {coordinators.length === 0 ? (
          <p className="muted">{t('programme.people.noCoordinators')}</p>
        ) : (
          <ul className="inline-list">
            {coordinators.map((c) => (
              <li key={c.personId}>
                <Link to={`/people/${c.personId}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="participants-heading" className="section">
        <h2 id="participants-heading">{t('programme.people.title')}</h2>
        {setsError ? <LoadError error={setsError} retry={reloadSets} /> : null}
        {!sets && !setsError ? <Loading /> : null}
        {sets && list.length === 0 ? (
          <EmptyState title={t('programme.people.emptyTitle')}>{t('programme.people.empty')}</EmptyState>
        ) : null}
        {list.length > 0 ? (
          <DataTable
            caption={t('programme.people.caption', { name: programme.name })}
            columns={[
              { label: t('people.columns.name') },
              { label: t('people.columns.organisation') },
              { label: t('people.columns.jobRole') },
              { label: t('programme.people.set') },
            ]}
          >
            {list.map((p) => (
              <tr key={p.personId}>
                <th scope="row">
                  <Link to={`/people/${p.personId}`}>{p.name}</Link>
                </th>
                <td>{p.organisation?.name ?? <span className="muted">{t('people.noOrganisation')}</span>}</td>
                <td>{p.jobRole || <span className="muted">—</span>}</td>
                <td>
                  {p.places.map((place, i) => (
                    <span key={place.setId}>
                      {i > 0 ? ', ' : null}
                      <Link to={`/sets/${place.setId}`}>{place.setName}</Link>
                      {place.role === 'facilitator' ? ` (${t('set.role.facilitator')})` : null}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </>
  );
}
