import { useTranslation } from 'react-i18next';
import type { Application } from '../../../contract/enrolment.ts';
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
    <div className="table-wrap">
      <table className="table table--cards">
        <caption className="visually-hidden">{t('enrolment.applications.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enrolment.applications.person')}</th>
            <th scope="col">{t('enrolment.applications.organisation')}</th>
            <th scope="col">{t('enrolment.applications.status')}</th>
            <th scope="col">{t('enrolment.applications.details')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {applications.map((a) => (
            <ApplicationRow key={a.id} application={a} decisionsOpen={decisionsOpen} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
