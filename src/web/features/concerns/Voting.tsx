import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  castVotes,
  type ProgrammeConcerns,
  updateVoting,
  votesPerPerson,
} from '../../../contract/concerns.ts';
import { allocationSentence, checkAllocation } from '../../../domain/concerns/votes.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { SelectField } from '../../ui/Field.tsx';
import type { BoardProps } from './board.ts';

/** A change to the board: busy while it is sent, then the new board and its announcement, or the problem. */
function useBoardChange(onBoard: BoardProps['onBoard']) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<ProgrammeConcerns>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      onBoard(await work());
      announce(done);
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** The coordinator opens and closes voting, sets the votes each participant has, or starts again. */
export function VotingControls({ board, onBoard }: BoardProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [limit, setLimit] = useState(String(board.voting.votesPerPerson));
  const { busy, error, run } = useBoardChange(onBoard);
  const { status } = board.voting;
  const change = (body: { status?: 'open' | 'closed' | 'not-open'; votesPerPerson?: number }, done: string) =>
    run(() => call(updateVoting, { params: { programmeId: board.programmeId }, body }), done);
  return (
    <section className="card voting-controls" aria-labelledby="voting-controls-heading">
      <h2 id="voting-controls-heading" className="card__title">
        {t('concerns.voting.controlsTitle')}
      </h2>
      <p>
        <Badge tone={status === 'open' ? 'success' : status === 'closed' ? 'neutral' : 'info'}>
          {t(`concerns.voting.status.${status}`)}
        </Badge>{' '}
        {t('concerns.voting.voters', { count: board.voting.voters })}
      </p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {status === 'not-open' ? (
        <div className="inline-form__row">
          <SelectField
            id="votes-per-person"
            label={t('concerns.voting.limitLabel')}
            hint={t('concerns.voting.limitHint')}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            options={Array.from({ length: votesPerPerson.max - votesPerPerson.min + 1 }, (_, i) => {
              const n = votesPerPerson.min + i;
              return { value: String(n), label: t('concerns.voting.votes', { count: n }) };
            })}
          />
          <Button
            busy={busy}
            disabled={board.themes.length === 0}
            aria-describedby={board.themes.length === 0 ? 'voting-needs-themes' : undefined}
            onClick={() =>
              void change({ status: 'open', votesPerPerson: Number(limit) }, t('concerns.voting.opened'))
            }
          >
            {t('concerns.voting.open')}
          </Button>
          {board.themes.length === 0 ? (
            <p id="voting-needs-themes" className="muted">
              {t('concerns.voting.needsThemes')}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="button-row">
          {status === 'open' ? (
            <Button
              busy={busy}
              onClick={() => void change({ status: 'closed' }, t('concerns.voting.closed'))}
            >
              {t('concerns.voting.close')}
            </Button>
          ) : (
            <Button
              variant="secondary"
              busy={busy}
              onClick={() => void change({ status: 'open' }, t('concerns.voting.opened'))}
            >
              {t('concerns.voting.reopen')}
            </Button>
          )}
          <ConfirmButton
            label={t('concerns.voting.reset')}
            title={t('concerns.voting.resetTitle')}
            message={t('concerns.voting.resetBody')}
            confirmLabel={t('concerns.voting.reset')}
            onConfirm={async () => {
              onBoard(
                await call(updateVoting, {
                  params: { programmeId: board.programmeId },
                  body: { status: 'not-open' },
                }),
              );
              announce(t('concerns.voting.wasReset'));
            }}
          />
        </div>
      )}
    </section>
  );
}

/** A participant's votes: a number per theme, up to their total, changed as often as they like while open. */
export function VotingForm({ board, onBoard }: BoardProps) {
  const { t } = useTranslation();
  const given = new Map((board.myVotes ?? []).map((v) => [v.themeId, v.votes]));
  const [votes, setVotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(board.themes.map((x) => [x.id, String(given.get(x.id) ?? 0)])),
  );
  const { busy, error, setError, run } = useBoardChange(onBoard);
  const limit = board.voting.votesPerPerson;
  const allocation = board.themes.map((x) => ({ themeId: x.id, votes: Number(votes[x.id] || 0) }));
  const used = allocation.reduce((sum, a) => sum + (Number.isFinite(a.votes) ? a.votes : 0), 0);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const problem = checkAllocation(allocation, {
      status: board.voting.status,
      limit,
      themeIds: new Set(board.themes.map((x) => x.id)),
    });
    if (problem) {
      setError(allocationSentence(problem));
      return;
    }
    await run(
      () => call(castVotes, { params: { programmeId: board.programmeId }, body: { votes: allocation } }),
      t('concerns.voting.saved', { count: used }),
    );
  };

  return (
    <section className="card voting-form" aria-labelledby="voting-form-heading">
      <h2 id="voting-form-heading" className="card__title">
        {t('concerns.voting.formTitle')}
      </h2>
      <p>{t('concerns.voting.formLead', { count: limit })}</p>
      <form noValidate onSubmit={save}>
        {error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : null}
        <ul className="vote-list">
          {board.themes.map((theme) => (
            <li key={theme.id} className="vote-list__item">
              <label htmlFor={`votes-${theme.id}`} className="vote-list__label">
                {t('concerns.voting.votesFor', { name: theme.name })}
                <span className="vote-list__sub">
                  {t('concerns.themes.count', { count: theme.concernIds.length })}
                </span>
              </label>
              <input
                id={`votes-${theme.id}`}
                className="input input--short vote-list__input"
                type="number"
                inputMode="numeric"
                min={0}
                max={limit}
                step={1}
                value={votes[theme.id] ?? '0'}
                onChange={(e) => setVotes((v) => ({ ...v, [theme.id]: e.target.value }))}
              />
            </li>
          ))}
        </ul>
        <p className={used > limit ? 'vote-left vote-left--over' : 'vote-left'} aria-live="polite">
          {used > limit
            ? t('concerns.voting.over', { count: used - limit })
            : t('concerns.voting.left', { count: limit - used, total: limit })}
        </p>
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('common.saving')}>
            {t('concerns.voting.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The counts once voting has closed, most votes first; or why they are not shown. */
export function VotingResults({ board }: { board: ProgrammeConcerns }) {
  const { t } = useTranslation();
  const { results } = board;
  if (board.voting.status === 'not-open') return null;
  if (!results.shown)
    return (
      <p className="callout callout--info">
        {results.reason === 'too-few-voters'
          ? t('concerns.results.tooFew', { count: results.minimumVoters })
          : t('concerns.results.afterClose')}
      </p>
    );
  const total = results.totals.reduce((sum, r) => sum + r.votes, 0) || 1;
  const rows = [...results.totals].sort((a, b) => b.votes - a.votes);
  const name = (id: string) => board.themes.find((x) => x.id === id)?.name ?? '';
  return (
    <section className="section" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('concerns.results.title')}</h2>
      <p className="muted">{t('concerns.results.lead', { count: board.voting.voters })}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-wrap" aria-label={t('concerns.results.title')} tabIndex={0}>
        <table className="table results-table">
          <caption className="visually-hidden">{t('concerns.results.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('concerns.results.theme')}</th>
              <th scope="col" className="num">
                {t('concerns.results.votes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.themeId}>
                <th scope="row">
                  {name(r.themeId)}
                  <span className="result-bar" aria-hidden="true">
                    <span style={{ width: `${(100 * r.votes) / total}%` }} />
                  </span>
                </th>
                <td className="num">{r.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
