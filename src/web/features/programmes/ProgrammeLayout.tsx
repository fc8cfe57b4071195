import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import { getProgramme, type Programme } from '../../../contract/programmes.ts';
import { listSets } from '../../../contract/sets.ts';
import { useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TabNav } from '../../ui/TabNav.tsx';
import { ClosedBanner } from '../closing/ClosedBanner.tsx';
import { ArchivedBanner } from './ArchivedBanner.tsx';
import type { ProgrammeContext } from './context.ts';
import { ProgrammePeriod, ProgrammeStatusBadge } from './ProgrammeStatus.tsx';

function Tabs({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const base = `/programmes/${programme.id}`;
  const tabs = [
    { to: base, label: t('programme.tabs.sets'), show: true, end: true },
    {
      to: `${base}/people`,
      label: t('programme.tabs.people'),
      show: programme.abilities['programme.readPeople'],
    },
    {
      to: `${base}/organisations`,
      label: t('programme.tabs.organisations'),
      show: programme.abilities['programme.readPeople'],
    },
    {
      to: `${base}/enrolment`,
      label: t('enrolment.tab'),
      show: programme.abilities['programme.manageEnrolment'],
    },
    {
      to: `${base}/formation`,
      label: t('formation.tab'),
      // Shown whenever its page loads: before forming it says what comes first, after it shows the
      // published sets read-only (issue 13: the tab vanished once the programme ran).
      show: programme.abilities['programme.formSets'],
    },
    {
      to: `${base}/calendar`,
      label: t('schedule.tabs.programme'),
      show: programme.abilities['programme.readCalendar'],
    },
    {
      to: `${base}/concerns`,
      label: t('programme.tabs.concerns'),
      show: programme.abilities['concern.readShared'],
    },
    {
      to: `${base}/reviews`,
      label: t('programme.tabs.reviews'),
      show: programme.abilities['review.list'],
    },
    {
      to: `${base}/workshops`,
      label: t('workshops.tab'),
      show: programme.abilities['workshop.list'],
    },
    {
      to: `${base}/settings`,
      label: t('programme.tabs.settings'),
      show: programme.abilities['programme.update'],
    },
  ];
  return <TabNav label={t('programme.tabs.label')} tabs={tabs} />;
}

/** A programme: its header and sub-pages (sets, people, organisations, settings). */
export function ProgrammeLayout() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useRoute(getProgramme, { params: { id: programmeId } });
  const sets = useRoute(listSets, { params: { id: programmeId } });

  if (!programme.data) {
    return programme.error ? <Failure error={programme.error} retry={programme.reload} /> : <Loading />;
  }
  const p = programme.data;
  const context: ProgrammeContext = {
    programme: p,
    sets: sets.data,
    setsError: sets.error,
    setProgramme: programme.setData,
    reloadProgramme: programme.reload,
    reloadSets: sets.reload,
  };

  return (
    <section className="page">
      <Breadcrumbs fromHome current={p.name} />
      <PageHeader
        title={p.name}
        meta={
          <>
            <ProgrammeStatusBadge status={p.status} />
            {p.archived ? <Badge>{t('common.archived')}</Badge> : null}
            <span>
              <ProgrammePeriod programme={p} />
            </span>
            {p.theme ? <span>{t('programme.themeLine', { theme: p.theme })}</span> : null}
          </>
        }
        lead={p.purpose || undefined}
      />
      {p.archived ? <ArchivedBanner programme={p} onChange={programme.setData} /> : null}
      {p.status === 'closed' ? <ClosedBanner programme={p} /> : null}
      <Tabs programme={p} />
      <div className="tab-panel">
        <Outlet context={context} />
      </div>
    </section>
  );
}
