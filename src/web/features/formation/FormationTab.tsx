import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FormationRun } from '../../../contract/formation.ts';
import * as formation from '../../../contract/formation.ts';
import type { LearningSet } from '../../../contract/sets.ts';
import { formsSets } from '../../../domain/programme-lifecycle.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { FormationBoard } from './FormationBoard.tsx';
import './formation.css';

/** Once published, the sets as formed: read-only, each with its people and their roles. */
function PublishedSets({ sets }: { sets: LearningSet[] | undefined }) {
  const { t } = useTranslation();
  if (!sets) return <Loading />;
  return (
    <section className="section" aria-labelledby="formation-published-heading">
      <h3 id="formation-published-heading">{t('formation.published.title')}</h3>
      {sets.length === 0 ? (
        <p className="muted">{t('formation.published.none')}</p>
      ) : (
        <ul className="formation-published">
          {sets.map((set) => (
            <li key={set.id} className="card">
              <h4>
                <Link to={`/sets/${set.id}`}>{set.name}</Link>
              </h4>
              <ul aria-label={t('formation.published.peopleOf', { name: set.name })}>
                {set.roster.map((r) => (
                  <li key={r.personId}>
                    {r.role === 'facilitator'
                      ? t('formation.published.facilitator', { name: r.name })
                      : r.name}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The coordinator's set formation: propose sets from the accepted applicants, adjust, publish. */
export function FormationTab() {
  const { t } = useTranslation();
  const { programme, sets } = useProgramme();
  const allowed = programme.abilities['programme.formSets'];
  const forming = formsSets(programme.status);
  const runs = useRoute(formation.listRuns, allowed ? { params: { id: programme.id } } : null);
  const proposed = runs.data?.find((r) => r.status === 'proposed');
  const run = useRoute(formation.getRun, proposed && forming ? { params: { id: proposed.id } } : null);
  const [started, setStarted] = useState<FormationRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useTitle(t('programme.tabTitle', { tab: t('formation.tab'), name: programme.name }));
  if (!allowed) return <NotFoundPage />;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setStarted(await call(formation.startRun, { params: { id: programme.id }, body: {} }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const current = started ?? run.data;
  if (current && forming) return <FormationBoard key={current.id} initial={current} />;

  return (
    <section className="section" aria-labelledby="formation-heading">
      <h2 id="formation-heading">{t('formation.title')}</h2>
      {runs.error ? <LoadError error={runs.error} retry={runs.reload} /> : null}
      {run.error ? <LoadError error={run.error} retry={run.reload} /> : null}
      {!forming ? (
        <>
          <EmptyState title={t(`formation.notForming.${programme.status}Title`)}>
            {t(`formation.notForming.${programme.status}`)}
          </EmptyState>
          {programme.status === 'running' || programme.status === 'closed' ? (
            <PublishedSets sets={sets?.filter((s) => !s.archived)} />
          ) : null}
        </>
      ) : !runs.data || (proposed && !run.data) ? (
        runs.error || run.error ? null : (
          <Loading />
        )
      ) : (
        <EmptyState
          title={t('formation.start.title')}
          action={
            <Button busy={busy} busyLabel={t('formation.start.busy')} onClick={() => void start()}>
              {t('formation.start.action')}
            </Button>
          }
        >
          {t('formation.start.lead', { min: programme.setSize.min, max: programme.setSize.max })}
        </EmptyState>
      )}
      {error ? (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
