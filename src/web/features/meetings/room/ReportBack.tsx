import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../domain/meeting/rule-kit.ts';
import { own } from '../../../../domain/meeting/selectors.ts';
import { type ActionOutcome, actionOutcomes, type OpenAction } from '../../../../domain/meeting/types.ts';
import { Badge } from '../../../ui/Badge.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextAreaField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { SubmitOrCancel } from '../../../ui/SubmitOrCancel.tsx';
import { outcomeTone } from '../outcome.ts';
import type { Room } from './model.ts';
import { refusalText } from './refusal.ts';

/** Last meeting's actions, by owner: each owner says how it went and what they learned. */
export function ReportBack({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const actions = state.setup.openActions;
  const owners = [...new Set(actions.map((a) => a.ownerId))];
  const done = actions.filter((a) => own(state.reportBacks, a.actionId)).length;
  return (
    <section className="room-block" aria-labelledby="report-heading">
      <h3 id="report-heading">{t('meeting.report.title')}</h3>
      <p className="muted">{t('meeting.report.lead')}</p>
      {actions.length === 0 ? (
        <p>{t('meeting.report.none')}</p>
      ) : (
        <>
          <p className="room-progress">{t('meeting.report.progress', { done, count: actions.length })}</p>
          {owners.map((ownerId) => (
            <section key={ownerId} className="report-owner" aria-labelledby={`report-${ownerId}`}>
              <h4 id={`report-${ownerId}`}>
                {ownerId === room.me
                  ? t('meeting.report.yours')
                  : t('meeting.report.theirs', { name: room.name(ownerId) })}
              </h4>
              <ul className="report-list">
                {actions
                  .filter((a) => a.ownerId === ownerId)
                  .map((a) => (
                    <ReportItem key={a.actionId} room={room} action={a} />
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

function ReportItem({ room, action }: { room: Room; action: OpenAction }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const report = own(room.state.reportBacks, action.actionId);
  const mayReport = room.can({ type: 'report.outcome', actionId: action.actionId, outcome: 'done' });
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | ''>(report?.outcome ?? '');
  const [learned, setLearned] = useState(report?.learned ?? '');
  const [error, setError] = useState<string | null>(null);
  const showForm = mayReport && (!report || editing);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setError(t('meeting.report.chooseOutcome'));
      return;
    }
    const command = {
      type: 'report.outcome',
      actionId: action.actionId,
      outcome,
      learned: learned.trim() || null,
    } as const;
    const verdict = room.verdict(command);
    if (!verdict.ok) {
      setError(refusalText(t, verdict.refusal));
      return;
    }
    room.send(command);
    setError(null);
    setEditing(false);
  };

  return (
    <li className="report-item">
      <p className="report-item__text">{action.text}</p>
      <p className="report-item__meta">
        {action.dueOn
          ? t('meeting.actions.due', { date: formatDate(action.dueOn, i18n.language) })
          : t('meeting.actions.noDue')}
        {report ? (
          <>
            {' '}
            <Badge tone={outcomeTone[report.outcome]}>{t(`meeting.outcome.${report.outcome}`)}</Badge>
          </>
        ) : (
          <>
            {' '}
            <Badge>{t('meeting.report.notYet')}</Badge>
          </>
        )}
      </p>
      {report?.learned ? (
        <p className="report-item__learned">
          <span className="muted">{t('meeting.report.learnedShown')}</span> {report.learned}
        </p>
      ) : null}
      {report && mayReport && !editing ? (
        <Button variant="quiet" small onClick={() => setEditing(true)}>
          {t('meeting.report.change')}
        </Button>
      ) : null}
      {showForm ? (
        <form noValidate className="report-form" onSubmit={submit}>
          <fieldset
            className={error ? 'fieldset field--error' : 'fieldset'}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <legend>{t('meeting.report.howDidItGo')}</legend>
            {error ? (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            <div className="choice-row">
              {actionOutcomes.map((o) => (
                <label key={o} className="choice">
                  <input
                    type="radio"
                    name={`${id}-outcome`}
                    value={o}
                    checked={outcome === o}
                    onChange={() => {
                      setOutcome(o);
                      setError(null);
                    }}
                  />
                  <span>{t(`meeting.outcome.${o}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextAreaField
            id={`${id}-learned`}
            label={t('meeting.report.learned')}
            optional
            rows={2}
            maxLength={textLimits.long}
            value={learned}
            onChange={(e) => setLearned(e.target.value)}
          />
          <SubmitOrCancel
            className="room-form__actions"
            submit={
              <>
                {t('meeting.report.submit')}
                <span className="visually-hidden">: {action.text}</span>
              </>
            }
            onCancel={editing ? () => setEditing(false) : undefined}
          />
        </form>
      ) : null}
    </li>
  );
}
