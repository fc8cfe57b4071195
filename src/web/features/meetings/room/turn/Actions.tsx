import { useTranslation } from 'react-i18next';
import type { MeetingAction, PresenterTurn } from '../../../../../domain/meeting/types.ts';
import { Button } from '../../../../ui/Button.tsx';
import { formatDate } from '../../../../ui/format.ts';
import type { Room } from '../model.ts';

/** The presenter's actions from this turn, in the order agreed. */
export function ActionList({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t } = useTranslation();
  return (
    <section className="action-block" aria-labelledby="turn-actions-heading">
      <h4 id="turn-actions-heading">{t('meeting.actions.title', { count: turn.actions.length })}</h4>
      {turn.actions.length === 0 ? (
        <p className="muted">{t('meeting.actions.none')}</p>
      ) : (
        <ol className="action-list">
          {turn.actions.map((a) => (
            <ActionItemRow key={a.actionId} room={room} action={a} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ActionItemRow({ room, action }: { room: Room; action: MeetingAction }) {
  const { t, i18n } = useTranslation();
  const remove = { type: 'action.remove', actionId: action.actionId } as const;
  return (
    <li className="action-list__item">
      <span className="action-list__text">{action.text}</span>
      <span className="action-list__due">
        {action.dueOn
          ? t('meeting.actions.due', { date: formatDate(action.dueOn, i18n.language) })
          : t('meeting.actions.noDue')}
      </span>
      {room.can(remove) ? (
        <Button variant="quiet" small onClick={() => room.send(remove)}>
          {t('meeting.actions.remove')}
          <span className="visually-hidden">: {action.text}</span>
        </Button>
      ) : null}
    </li>
  );
}
