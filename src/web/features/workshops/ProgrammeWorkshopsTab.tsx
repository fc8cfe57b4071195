import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listWorkshops, type Workshop } from '../../../contract/workshops.ts';
import { useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { WorkshopState, WorkshopWhen } from './parts.tsx';
import './workshops.css';
import { listOf } from '../../ui/lists.ts';

/** /programmes/:programmeId/workshops: the programme's plenary workshops, and planning a new one. */
export function ProgrammeWorkshopsTab() {
  const { t } = useTranslation();
  const { programme } = useProgramme();
  useTitle(t('programme.tabTitle', { tab: t('workshops.tab'), name: programme.name }));
  const workshops = useRoute(listWorkshops, { params: { id: programme.id } });
  const canCreate = programme.abilities['workshop.create'] && !programme.archived;
  return (
    <section aria-labelledby="workshops-heading">
      <div className="section-header">
        <h2 id="workshops-heading">{t('workshops.tab')}</h2>
        {canCreate ? (
          <ButtonLink to={`/programmes/${programme.id}/workshops/new`}>{t('workshops.plan')}</ButtonLink>
        ) : null}
      </div>
      <p className="muted">{t('workshops.lead')}</p>
      {!workshops.data ? (
        workshops.error ? (
          <Failure error={workshops.error} retry={workshops.reload} />
        ) : (
          <Loading />
        )
      ) : workshops.data.length === 0 ? (
        <EmptyState title={t('workshops.noneTitle')}>{t('workshops.none')}</EmptyState>
      ) : (
        <ul className="workshop-list">
          {workshops.data.map((w) => (
            <WorkshopSummary key={w.id} workshop={w} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WorkshopSummary({ workshop }: { workshop: Workshop }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card" data-workshop={workshop.id}>
      <h3>
        <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link>{' '}
        <WorkshopState state={workshop.state} />
      </h3>
      <WorkshopWhen workshop={workshop} />
      {workshop.themes.length ? (
        <p>
          {t('workshops.themesLine', {
            themes: listOf(
              workshop.themes.map((x) => x.name),
              i18n.language,
            ),
          })}
        </p>
      ) : null}
      <p className="muted">
        {workshop.capacity === null
          ? t('workshops.countsLine', workshop.counts)
          : t('workshops.countsLineCapacity', { ...workshop.counts, capacity: workshop.capacity })}
      </p>
    </li>
  );
}
