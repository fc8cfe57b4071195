import { useTranslation } from 'react-i18next';
import type { Application } from '../../../contract/enrolment.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ApplicationRow } from './ApplicationRow.tsx';

/** Every application to the programme, with the coordinator's decisions. */
export function ApplicationsTable({
  applications,
  decisionsOpen,
  onChange,
}: {
  applications: Application[];
  decisionsOpen: boolean;
  onChange(application: Application): void;
}) {
  const { t } = useTranslation();
  if (applications.length === 0)
    return (
      <EmptyState title={t('enrolment.applications.emptyTitle')}>
        {t('enrolment.applications.empty')}
      </EmptyState>
    );
  return (
    <DataTable
      className="table--cards"
      caption={t('enrolment.applications.caption')}
      columns={[
        { label: t('enrolment.applications.person') },
        { label: t('enrolment.applications.organisation') },
        { label: t('enrolment.applications.status') },
        { label: t('enrolment.applications.details') },
        { label: t('common.actions'), hidden: true },
      ]}
    >
      {applications.map((a) => (
        <ApplicationRow key={a.id} application={a} decisionsOpen={decisionsOpen} onChange={onChange} />
      ))}
    </DataTable>
  );
}
