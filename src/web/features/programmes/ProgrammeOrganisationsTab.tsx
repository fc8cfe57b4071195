import { useTranslation } from 'react-i18next';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from './context.ts';
import { organisationMix, participants } from './participants.ts';

/** Which organisations take part, with how many people and in which sets. */
export function ProgrammeOrganisationsTab() {
  const { t } = useTranslation();
  const { programme, sets, setsError, reloadSets } = useProgramme();
  useTitle(t('programme.tabTitle', { tab: t('programme.tabs.organisations'), name: programme.name }));
  if (!programme.abilities['programme.readPeople']) return <NotFoundPage />;
  const rows = sets ? organisationMix(participants(sets)) : [];

  return (
    <section aria-labelledby="orgs-heading">
      <h2 id="orgs-heading">{t('programme.organisations.title')}</h2>
      <p className="muted">{t('programme.organisations.lead')}</p>
      {setsError ? <LoadError error={setsError} retry={reloadSets} /> : null}
      {!sets && !setsError ? <Loading /> : null}
      {sets && rows.length === 0 ? (
        <EmptyState title={t('programme.organisations.emptyTitle')}>
          {t('programme.organisations.empty')}
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t('programme.organisations.caption', { name: programme.name })}
          columns={[
            { label: t('organisations.columns.name') },
            { label: t('organisations.columns.people'), className: 'num' },
            { label: t('programme.organisations.sets') },
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id ?? 'none'}>
              <th scope="row">{row.name ?? <span className="muted">{t('people.noOrganisation')}</span>}</th>
              <td className="num">{row.people}</td>
              <td>{row.sets.join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
