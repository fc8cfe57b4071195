import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemItem } from '../../../contract/problems.ts';
import * as problems from '../../../contract/problems.ts';
import { type ProblemStatus, problemStatuses } from '../../../domain/problems.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { formatDate } from '../../ui/format.ts';

const statusTone: Record<ProblemStatus, Tone> = {
  open: 'info',
  progressing: 'success',
  resolved: 'neutral',
  parked: 'warning',
};

/** A problem as it stands now, with the trace of how its owner's view of it has changed. */
export function ProblemCard({
  problem,
  mine,
  onChange,
}: {
  problem: ProblemItem;
  mine: boolean;
  onChange(p: ProblemItem): void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `problem-${problem.id}`;
  const earlier = problem.history.slice(0, -1);
  return (
    <li className="card problem">
      <div className="problem__head">
        <h3 className="card__title" id={headingId}>
          {problem.title}
        </h3>
        <p className="badges">
          <Badge tone={statusTone[problem.status]}>{t(`problems.status.${problem.status}`)}</Badge>
          <Badge>{t(`problems.kind.${problem.kind}`)}</Badge>
        </p>
      </div>
      <p className="card__meta">
        {mine ? t('problems.card.yours') : problem.owner.name} ·{' '}
        {t('problems.card.since', { date: formatDate(problem.createdAt.slice(0, 10), i18n.language) })}
      </p>
      <blockquote className="problem__statement">{problem.statement}</blockquote>
      {earlier.length > 0 ? (
        <details className="problem__history">
          <summary>{t('problems.card.history', { count: problem.history.length - 1 })}</summary>
          <ol>
            {problem.history.map((v, i) => (
              <li key={v.id}>
                <span className="problem__when">
                  {i === 0 ? t('problems.card.asBrought') : t('problems.card.reframed')}{' '}
                  {formatDate(v.at.slice(0, 10), i18n.language)}
                  {v.meetingId ? ` · ${t('problems.card.inMeeting')}` : ''}
                </span>
                {v.statement}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {mine && problem.intakeConcerns.length > 0 ? (
        <div className="callout callout--warning callout--compact">
          <p>{t('problems.intake.concernsLead')}</p>
          <ul>
            {problem.intakeConcerns.map((c) => (
              <li key={c}>{t(`problems.intake.concern.${c}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {mine && problem.abilities['problem.update'] ? (
        <OwnerTools problem={problem} onChange={onChange} />
      ) : null}
    </li>
  );
}

function OwnerTools({ problem, onChange }: { problem: ProblemItem; onChange(p: ProblemItem): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [restating, setRestating] = useState(false);
  const [statement, setStatement] = useState('');
  const [status, setStatus] = useState<ProblemStatus>(problem.status);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<ProblemItem>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await work());
      announce(message);
      return true;
    } catch (e) {
      setError(problemText(t, e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="problem__tools">
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {restating ? (
        <form
          noValidate
          className="room-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const body = { statement };
            const invalid = checkAgainst(problems.reframeProblem.body, body, t, {
              statement: t('problems.card.restateLabel'),
            }).statement;
            if (invalid) return setError(statement.trim() ? invalid : t('problems.card.restateEmpty'));
            const ok = await run(
              () => call(problems.reframeProblem, { params: { id: problem.id }, body }),
              t('problems.card.restated'),
            );
            if (ok) {
              setRestating(false);
              setStatement('');
            }
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-statement`}>
              {t('problems.card.restateLabel')}
            </label>
            <p className="field__hint" id={`${id}-hint`}>
              {t('problems.card.restateHint')}
            </p>
            <textarea
              id={`${id}-statement`}
              className="input input--area"
              aria-describedby={`${id}-hint`}
              rows={3}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <Button type="submit" small busy={busy}>
              {t('problems.card.restateSubmit')}
            </Button>
            <Button variant="quiet" small onClick={() => setRestating(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="inline-form__row">
          <Button variant="secondary" small onClick={() => setRestating(true)}>
            {t('problems.card.restate')}
            <span className="visually-hidden">: {problem.title}</span>
          </Button>
          <form
            className="mini-form__row"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () => call(problems.updateProblem, { params: { id: problem.id }, body: { status } }),
                t('problems.card.statusSaved', { status: t(`problems.status.${status}`) }),
              );
            }}
          >
            <label className="mini-form__label" htmlFor={`${id}-status`}>
              {t('problems.card.status')}
              <span className="visually-hidden">
                {' '}
                {t('problems.card.statusOf', { title: problem.title })}
              </span>
            </label>
            <select
              id={`${id}-status`}
              className="input input--select input--inline"
              value={status}
              onChange={(e) => setStatus(e.target.value as ProblemStatus)}
            >
              {problemStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`problems.status.${s}`)}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" small busy={busy} disabled={status === problem.status}>
              {t('problems.card.statusSave')}
            </Button>
          </form>
        </div>
      )}
    </div>
  );
}
