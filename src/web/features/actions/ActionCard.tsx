import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ActionItem,
  type ActionStatus,
  actionStatuses,
  updateAction,
} from '../../../contract/actions.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { SubmitOrCancel } from '../../ui/SubmitOrCancel.tsx';

const statusTone: Record<ActionStatus, Tone> = {
  open: 'info',
  done: 'success',
  partly: 'accent',
  'not-done': 'warning',
  dropped: 'neutral',
};

const today = () => new Date().toISOString().slice(0, 10);

/** One action: what, by when, how it went; its owner records the outcome and what they learned. */
export function ActionCard({
  action,
  show,
  onChange,
}: {
  action: ActionItem;
  /** What the list around it does not already say. */
  show: { owner?: boolean; set?: boolean };
  onChange(a: ActionItem): void;
}) {
  const { t, i18n } = useTranslation();
  const overdue = action.status === 'open' && action.dueOn !== null && action.dueOn < today();
  return (
    <li className="card action-card">
      <p className="action-card__text">{action.text}</p>
      <p className="action-card__meta">
        <Badge tone={statusTone[action.status]}>{t(`actions.status.${action.status}`)}</Badge>
        {action.dueOn ? (
          <span className={overdue ? 'action-card__due is-overdue' : 'action-card__due'}>
            {overdue
              ? t('actions.overdue', { date: formatDate(action.dueOn, i18n.language) })
              : t('actions.due', { date: formatDate(action.dueOn, i18n.language) })}
          </span>
        ) : (
          <span className="muted">{t('actions.noDue')}</span>
        )}
        {show.owner ? <span className="muted">{action.owner.name}</span> : null}
        {show.set ? (
          <span className="muted">
            <Link to={`/sets/${action.set.id}/actions`}>{action.set.name}</Link> · {action.programme.name}
          </span>
        ) : null}
      </p>
      {action.outcomeNote ? (
        <p className="action-card__note">
          <span className="muted">{t('actions.learned')}</span> {action.outcomeNote}
        </p>
      ) : null}
      {action.abilities['action.update'] ? <OutcomeForm action={action} onChange={onChange} /> : null}
    </li>
  );
}

function OutcomeForm({ action, onChange }: { action: ActionItem; onChange(a: ActionItem): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ActionStatus>(action.status === 'open' ? 'done' : action.status);
  const [note, setNote] = useState(action.outcomeNote);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <Button variant="secondary" small onClick={() => setOpen(true)}>
        {action.status === 'open' ? t('actions.record') : t('actions.change')}
        <span className="visually-hidden">: {action.text}</span>
      </Button>
    );
  }
  return (
    <form
      noValidate
      className="outcome-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const updated = await call(updateAction, {
            params: { id: action.id },
            body: { status, outcomeNote: note.trim() },
          });
          onChange(updated);
          announce(t('actions.saved', { status: t(`actions.status.${updated.status}`) }));
          setOpen(false);
        } catch (err) {
          setError(problemText(t, err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('actions.howDidItGo')}</legend>
        <div className="choice-row">
          {actionStatuses.map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name={`${id}-status`}
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
              />
              <span>{t(`actions.status.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id={`${id}-note`}
        label={t('actions.learnedLabel')}
        optional
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <SubmitOrCancel submit={t('actions.save')} busy={busy} onCancel={() => setOpen(false)} />
    </form>
  );
}

/** Open actions first (soonest due first), then the rest, newest first. */
export function sortActions(actions: readonly ActionItem[]): ActionItem[] {
  const open = actions
    .filter((a) => a.status === 'open')
    .sort(
      (a, b) =>
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.createdAt.localeCompare(b.createdAt),
    );
  const closed = actions
    .filter((a) => a.status !== 'open')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...open, ...closed];
}
