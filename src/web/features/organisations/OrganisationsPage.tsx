import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../contract/organisations.ts';
import * as organisations from '../../../contract/organisations.ts';
import { call, useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { CheckboxField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { AddOrganisationForm } from './AddOrganisationForm.tsx';
import { RenameOrganisation } from './RenameOrganisation.tsx';

/** The organisations participants come from: add, rename, archive. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const allowed = me.abilities['organisation.list'];
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = useRoute(
    organisations.listOrganisations,
    allowed
      ? { params: { hostId: me.host.id }, query: { includeArchived: includeArchived ? 'true' : undefined } }
      : null,
    { keepPrevious: true },
  );
  useTitle(t('organisations.title'));
  if (!allowed) return <NotFoundPage />;
  const canArchive = me.abilities['organisation.archive'];

  const replace = (o: Organisation) => {
    const rows = list.data ?? [];
    const next = rows.some((r) => r.id === o.id) ? rows.map((r) => (r.id === o.id ? o : r)) : [...rows, o];
    list.setData(
      next.filter((r) => includeArchived || !r.archived).sort((a, b) => a.name.localeCompare(b.name)),
    );
  };

  const setArchived = (o: Organisation, archived: boolean) => async () => {
    replace(await call(organisations.updateOrganisation, { params: { id: o.id }, body: { archived } }));
    announce(t(archived ? 'organisations.archived' : 'organisations.restored', { name: o.name }));
  };

  return (
    <section className="page">
      <PageHeader title={t('organisations.title')} lead={t('organisations.lead')} />
      {me.abilities['organisation.create'] ? (
        <section className="section card" aria-labelledby="add-org">
          <h2 id="add-org">{t('organisations.addTitle')}</h2>
          <AddOrganisationForm hostId={me.host.id} onAdded={replace} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="org-list">
        <div className="section__header">
          <h2 id="org-list">{t('organisations.listTitle')}</h2>
          <CheckboxField
            id="orgs-archived"
            label={t('organisations.showArchived')}
            checked={includeArchived}
            onChange={(e) => setIncludeArchived(e.target.checked)}
          />
        </div>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && list.data.length === 0 ? (
          <EmptyState title={t('organisations.emptyTitle')}>{t('organisations.empty')}</EmptyState>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <DataTable
            caption={t('organisations.listTitle')}
            columns={[
              { label: t('organisations.columns.name') },
              { label: t('organisations.columns.people'), className: 'num' },
              { label: t('common.actions'), hidden: true },
            ]}
          >
            {list.data.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.name} {o.archived ? <Badge>{t('common.archived')}</Badge> : null}
                </th>
                <td className="num">{o.people}</td>
                <td className="cell-actions-end">
                  <span className="cell-actions">
                    {me.abilities['organisation.update'] && !o.archived ? (
                      <RenameOrganisation organisation={o} onSaved={replace} />
                    ) : null}
                    {canArchive ? (
                      <ConfirmButton
                        small
                        variant={o.archived ? 'primary' : 'danger'}
                        label={
                          <>
                            {o.archived ? t('organisations.restore') : t('organisations.archive')}
                            <span className="visually-hidden"> {o.name}</span>
                          </>
                        }
                        title={t(o.archived ? 'organisations.restoreTitle' : 'organisations.archiveTitle', {
                          name: o.name,
                        })}
                        message={
                          o.archived
                            ? t('organisations.restoreBody')
                            : t('organisations.archiveBody', { count: o.people })
                        }
                        confirmLabel={o.archived ? t('organisations.restore') : t('organisations.archive')}
                        onConfirm={setArchived(o, !o.archived)}
                      />
                    ) : null}
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </section>
  );
}
