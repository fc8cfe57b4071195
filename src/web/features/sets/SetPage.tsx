import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { listPeople } from '../../../contract/people.ts';
import { getSet } from '../../../contract/sets.ts';
import { useRoute } from '../../api/call.ts';
import { Failure, LoadError } from '../../app/Failure.tsx';
import { useMe } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { SetConcernsSection } from '../concerns/SetConcernsSection.tsx';
import { WithdrawSection } from '../enrolment/WithdrawSection.tsx';
import { GroundRulesSection } from '../ground-rules/GroundRulesSection.tsx';
import { SetHeader } from '../meetings/SetHeader.tsx';
import { AddMemberForm } from './AddMemberForm.tsx';
import { RosterTable } from './RosterTable.tsx';
import { RosterWarnings } from './RosterWarnings.tsx';
import { SetSettings } from './SetSettings.tsx';
import { SizeWarning } from './SizeWarning.tsx';

/** A set: who is in it and in what role. Set content (problems, actions) is never shown to coordinators. */
export function SetPage() {
  const { t } = useTranslation();
  const { setId = '' } = useParams();
  const me = useMe();
  const set = useRoute(getSet, { params: { id: setId } });
  const manages = set.data?.abilities['set.manageMembers'] ?? false;
  const people = useRoute(listPeople, manages ? { params: { hostId: me.host.id } } : null);
  useTitle(
    set.data ? t('set.pageTitle', { name: set.data.name, programme: set.data.programme.name }) : undefined,
  );

  if (!set.data) return set.error ? <Failure error={set.error} retry={set.reload} /> : <Loading />;
  const s = set.data;
  const myRole = s.roster.find((r) => r.personId === me.person.id)?.role;
  const isMember = myRole !== undefined;

  return (
    <section className="page">
      <SetHeader set={s} withTheme />
      <p className="callout callout--info">
        {isMember ? t('set.confidentialMember') : t('set.confidentialRoster')}
      </p>
      <SizeWarning warning={s.sizeWarning} />
      <RosterWarnings warnings={s.warnings} />
      {s.abilities['groundRules.read'] ? <GroundRulesSection setId={s.id} viewerId={me.person.id} /> : null}

      <section className="section" aria-labelledby="roster-heading">
        <h2 id="roster-heading">{t('set.roster.title')}</h2>
        {s.roster.length === 0 ? (
          <EmptyState title={t('set.roster.emptyTitle')}>
            {manages ? t('set.roster.emptyManager') : t('set.roster.empty')}
          </EmptyState>
        ) : (
          <RosterTable
            set={s}
            viewerId={me.person.id}
            people={people.data}
            onChange={set.setData}
            onInvited={people.reload}
          />
        )}
      </section>

      {manages && !s.archived ? (
        <section className="section" aria-labelledby="add-heading">
          <h2 id="add-heading">{t('set.add.title')}</h2>
          <p className="muted">
            {t('set.add.lead', { min: s.programme.setSize.min, max: s.programme.setSize.max })}
          </p>
          {people.error ? <LoadError error={people.error} retry={people.reload} /> : null}
          {people.data ? (
            <AddMemberForm set={s} people={people.data} onChange={set.setData} />
          ) : people.error ? null : (
            <Loading />
          )}
        </section>
      ) : null}

      {s.abilities['concern.listProposals'] ? (
        <SetConcernsSection setId={s.id} archived={s.archived} />
      ) : null}

      <SetSettings set={s} onChange={set.setData} />
      {isMember && !s.archived ? <WithdrawSection programme={s.programme} setRole={myRole} /> : null}
    </section>
  );
}
