import { useTranslation } from 'react-i18next';
import { listProgrammeConcerns, type ProgrammeConcerns } from '../../../contract/concerns.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { ThemesBoard } from './ThemesBoard.tsx';
import { VotingControls, VotingForm, VotingResults } from './Voting.tsx';
import './concerns.css';

/** The themes and their concerns as everyone in the programme reads them. */
function ThemesList({ board }: { board: ProgrammeConcerns }) {
  const { t } = useTranslation();
  const byId = new Map(board.concerns.map((c) => [c.id, c]));
  const loose = board.concerns.filter((c) => c.themeId === null);
  const item = (id: string) => {
    const c = byId.get(id)!;
    return (
      <li key={id}>
        {c.statement}
        {c.setName ? (
          <span className="concern-chip__sub"> {t('concerns.fromSet', { name: c.setName })}</span>
        ) : null}
      </li>
    );
  };
  return (
    <section className="section" aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t('concerns.programme.sharedTitle')}</h2>
      {board.themes.map((theme) => (
        <section key={theme.id} className="card theme-read" aria-labelledby={`read-${theme.id}`}>
          <h3 id={`read-${theme.id}`} className="card__title">
            {theme.name}
          </h3>
          <ul className="theme-read__concerns">{theme.concernIds.map(item)}</ul>
        </section>
      ))}
      {loose.length ? (
        <section className="card theme-read" aria-labelledby="read-none">
          <h3 id="read-none" className="card__title">
            {board.themes.length ? t('concerns.themes.none') : t('concerns.programme.allShared')}
          </h3>
          <ul className="theme-read__concerns">{loose.map((c) => item(c.id))}</ul>
        </section>
      ) : null}
    </section>
  );
}

/**
 * /programmes/:id/concerns: the concerns the sets agreed to share (never who proposed them), the
 * coordinator's themes board, voting for participants and the results once voting has closed.
 */
export function ProgrammeConcernsPage() {
  const { t } = useTranslation();
  const { programme } = useProgramme();
  const allowed = programme.abilities['concern.readShared'];
  const board = useRoute(listProgrammeConcerns, allowed ? { params: { programmeId: programme.id } } : null, {
    keepPrevious: true,
  });
  useTitle(t('concerns.programme.pageTitle', { name: programme.name }));
  if (!allowed) return <NotFoundPage />;
  if (board.error && !board.data) return <LoadError error={board.error} retry={board.reload} />;
  if (!board.data) return <Loading />;
  const b = board.data;
  const manages = b.abilities['theme.manage'];
  return (
    <div className="concerns-page">
      <p className="lead">{t('concerns.programme.lead')}</p>
      {b.concerns.length === 0 ? (
        <EmptyState title={t('concerns.programme.emptyTitle')}>{t('concerns.programme.empty')}</EmptyState>
      ) : (
        <>
          {manages ? <VotingControls board={b} onBoard={board.setData} /> : null}
          <VotingResults board={b} />
          {b.abilities['vote.cast'] && b.voting.status === 'open' && b.themes.length ? (
            <VotingForm key={b.voting.status} board={b} onBoard={board.setData} />
          ) : null}
          {b.abilities['vote.cast'] && b.voting.status === 'not-open' ? (
            <p className="callout callout--info">{t('concerns.voting.notOpenYet')}</p>
          ) : null}
          {manages ? <ThemesBoard board={b} onBoard={board.setData} /> : <ThemesList board={b} />}
        </>
      )}
    </div>
  );
}
