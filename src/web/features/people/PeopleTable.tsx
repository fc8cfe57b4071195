import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../contract/people.ts';
import { Badge } from '../../ui/Badge.tsx';
import { AccountStatusBadge, InviteButton } from '../invitations/AccountStatus.tsx';

/** People with their organisation, account state and an invite button where one is needed. */
export function PeopleTable({ people, onInvited }: { people: Person[]; onInvited(): void }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--cards">
        <caption className="visually-hidden">{t('people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.columns.name')}</th>
            <th scope="col">{t('people.columns.organisation')}</th>
            <th scope="col">{t('people.columns.email')}</th>
            <th scope="col">{t('people.columns.account')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
