import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../contract/people.ts';
import { Badge } from '../../ui/Badge.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { AccountStatusBadge, InviteButton } from '../invitations/AccountStatus.tsx';

/** People with their organisation, account state and an invite button where one is needed. */
export function PeopleTable({ people, onInvited }: { people: Person[]; onInvited(): void }) {
  const { t } = useTranslation();
  return (
    <DataTable
      className="table--cards"
      caption={t('people.caption')}
      columns={[
        { label: t('people.columns.name') },
        { label: t('people.columns.organisation') },
        { label: t('people.columns.email') },
        { label: t('people.columns.account') },
        { label: t('common.actions'), hidden: true },
      ]}
    >
      {people.map((p) => (
        <tr key={p.id}>
          <th scope="row">
            <Link to={`/people/${p.id}`}>{p.name}</Link>
            {p.jobRole ? <span className="cell-sub">{p.jobRole}</span> : null}
          </th>
          <td data-label={t('people.columns.organisation')}>
            {p.organisation?.name ?? <span className="muted">{t('people.noOrganisation')}</span>}
          </td>
          <td className="cell-email" data-label={t('people.columns.email')}>
            {p.email}
          </td>
          <td data-label={t('people.columns.account')}>
            <span className="badges">
              {p.status ? <AccountStatusBadge status={p.status} /> : null}
              {p.hostAdmin ? <Badge tone="accent">{t('people.hostAdmin')}</Badge> : null}
              {p.archived ? <Badge>{t('common.archived')}</Badge> : null}
            </span>
          </td>
          <td className="cell-actions-end">
            {p.status && p.abilities['person.invite'] && !p.archived ? (
              <InviteButton person={{ id: p.id, name: p.name, status: p.status }} onInvited={onInvited} />
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
