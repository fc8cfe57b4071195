import { useTranslation } from 'react-i18next';
import { listProblems, type ProblemItem } from '../../../contract/problems.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useMe } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useSetSection } from '../meetings/SetSection.tsx';
import { ProblemCard } from './ProblemCard.tsx';
import { ProblemForm } from './ProblemForm.tsx';
import '../meetings/meetings.css';

/** The problems the set's members bring: one's own (with intake guidance) and the others', with their reframes. */
export function ProblemsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { set } = useSetSection();
  const problems = useRoute(listProblems, { params: { id: set.id } });
  useTitle(t('problems.pageTitle', { set: set.name }));
  const mayBring = set.abilities['problem.create'];

  if (!problems.data) {
    return problems.error ? <LoadError error={problems.error} retry={problems.reload} /> : <Loading />;
  }
  const all = problems.data;
  const replace = (p: ProblemItem) =>
    problems.setData(all.some((x) => x.id === p.id) ? all.map((x) => (x.id === p.id ? p : x)) : [...all, p]);
  const mine = all.filter((p) => p.owner.id === me.person.id);
  const others = all.filter((p) => p.owner.id !== me.person.id);

  return (
    <>
      {mayBring ? (
        <section className="section" aria-labelledby="my-problems-heading">
          <h2 id="my-problems-heading">{t('problems.mine')}</h2>
          {mine.length === 0 ? (
            <EmptyState title={t('problems.noneMineTitle')}>{t('problems.noneMine')}</EmptyState>
          ) : (
            <ul className="problem-list">
              {mine.map((p) => (
                <ProblemCard key={p.id} problem={p} mine onChange={replace} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {mayBring ? (
        <section className="section" aria-labelledby="bring-heading">
          <h2 id="bring-heading">{t('problems.bring')}</h2>
          <div className="callout callout--info intake-guide">
            <p>{t('problems.guide.lead')}</p>
            <ul>
              <li>{t('problems.guide.real')}</li>
              <li>{t('problems.guide.current')}</li>
              <li>{t('problems.guide.openEnded')}</li>
              <li>{t('problems.guide.mine')}</li>
            </ul>
          </div>
          <ProblemForm setId={set.id} onCreated={replace} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="set-problems-heading">
        <h2 id="set-problems-heading">{mayBring ? t('problems.others') : t('problems.all')}</h2>
        {others.length === 0 ? (
          <EmptyState title={t('problems.noneOthersTitle')}>{t('problems.noneOthers')}</EmptyState>
        ) : (
          <ul className="problem-list">
            {others.map((p) => (
              <ProblemCard key={p.id} problem={p} mine={false} onChange={replace} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
