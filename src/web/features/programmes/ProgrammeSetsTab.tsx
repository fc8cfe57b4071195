import { useTranslation } from 'react-i18next';
import { LoadError } from '../../app/Failure.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from './context.ts';
import { SetCard } from './SetCard.tsx';

export function ProgrammeSetsTab() {
  const { t } = useTranslation();
  const { programme, sets, setsError, reloadSets } = useProgramme();
  useTitle(t('programme.tabTitle', { tab: t('programme.tabs.sets'), name: programme.name }));
  const canCreate = programme.abilities['set.create'] && !programme.archived;
  const active = sets?.filter((s) => !s.archived) ?? [];
  const archived = sets?.filter((s) => s.archived) ?? [];

  return (
    <section aria-labelledby="sets-heading">
      <div className="section__header">
        <div>
          <h2 id="sets-heading">{t('programme.sets.title')}</h2>
          <p className="muted">
            {t('programme.sets.bounds', { min: programme.setSize.min, max: programme.setSize.max })}
          </p>
        </div>
        {canCreate && active.length > 0 ? (
          <ButtonLink to={`/programmes/${programme.id}/sets/new`}>{t('programme.sets.new')}</ButtonLink>
        ) : null}
      </div>
      {setsError ? <LoadError error={setsError} retry={reloadSets} /> : null}
      {!sets && !setsError ? <Loading /> : null}
      {sets && active.length === 0 ? (
        <EmptyState
          title={t('programme.sets.emptyTitle')}
          action={
            canCreate ? (
              <ButtonLink to={`/programmes/${programme.id}/sets/new`}>{t('programme.sets.new')}</ButtonLink>
            ) : undefined
          }
        >
          {canCreate ? t('programme.sets.emptyCoordinator') : t('programme.sets.empty')}
        </EmptyState>
      ) : null}
      {active.length > 0 ? (
        <ul className="card-grid card-grid--sets">
          {active.map((set) => (
            <SetCard key={set.id} set={set} />
          ))}
        </ul>
      ) : null}
      {archived.length > 0 ? (
        <details className="archived-list">
          <summary>{t('programme.sets.archived', { count: archived.length })}</summary>
          <ul className="card-grid card-grid--sets">
            {archived.map((set) => (
              <SetCard key={set.id} set={set} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
