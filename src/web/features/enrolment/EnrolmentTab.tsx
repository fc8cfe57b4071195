import { useTranslation } from 'react-i18next';
import { type Application, listApplications } from '../../../contract/enrolment.ts';
import { takesApplications, takesDecisions, takesImports } from '../../../domain/programme-lifecycle.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { ApplicationLinkPanel } from './ApplicationLinkPanel.tsx';
import { ApplicationsTable } from './ApplicationsTable.tsx';
import { InviteFacilitatorForm } from './InviteFacilitatorForm.tsx';
import { InviteToApplyForm } from './InviteToApplyForm.tsx';
import { LifecyclePanel } from './LifecyclePanel.tsx';
import './enrolment.css';

/** The coordinator's enrolment: the programme's stage, the open link, invitations and decisions. */
export function EnrolmentTab() {
  const { t } = useTranslation();
  const { programme, setProgramme } = useProgramme();
  const allowed = programme.abilities['programme.manageEnrolment'];
  const applications = useRoute(
    listApplications,
    allowed ? { params: { id: programme.id }, query: {} } : null,
  );
  useTitle(t('programme.tabTitle', { tab: t('enrolment.tab'), name: programme.name }));
  if (!allowed) return <NotFoundPage />;

  const replace = (changed: Application) =>
    applications.setData((applications.data ?? []).map((a) => (a.id === changed.id ? changed : a)));
  const counts = (applications.data ?? []).reduce<Record<string, number>>((acc, a) => {
    acc[a.status] = (acc[a.status] ?? 0) + 1;
    return acc;
  }, {});

  return (
    <>
      <LifecyclePanel programme={programme} onChange={setProgramme} />
      {/* A closed programme takes no one: its dead link is not offered for copying or replacing. */}
      {programme.status === 'closed' ? null : (
        <ApplicationLinkPanel key={programme.status} programmeId={programme.id} />
      )}
      {takesApplications(programme.status) ? (
        <InviteToApplyForm programmeId={programme.id} onInvited={() => void applications.reload()} />
      ) : null}
      {takesImports(programme.status) ? (
        <InviteFacilitatorForm programmeId={programme.id} onInvited={() => void applications.reload()} />
      ) : null}
      <section className="section" aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('enrolment.applications.title')}</h2>
        {applications.data && applications.data.length > 0 ? (
          <p className="muted">
            {t('enrolment.applications.summary', {
              accepted: counts.accepted ?? 0,
              submitted: counts.submitted ?? 0,
              waitlisted: counts.waitlisted ?? 0,
            })}
          </p>
        ) : null}
        {applications.error ? <LoadError error={applications.error} retry={applications.reload} /> : null}
        {applications.data ? (
          <ApplicationsTable
            applications={applications.data}
            decisionsOpen={takesDecisions(programme.status)}
            onChange={replace}
          />
        ) : applications.error ? null : (
          <Loading />
        )}
      </section>
    </>
  );
}
