import { useTranslation } from 'react-i18next';
import type { MeetingAction, PresenterTurn } from '../../../../../domain/meeting/types.ts';
import { formatDate } from '../../../../ui/format.ts';
import type { Room } from '../model.ts';
import { EditableItem } from './EditableItem.tsx';

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
  return (
    <EditableItem
      room={room}
      target={{ kind: 'action', item: action }}
      className="action-list__item"
      toolsClassName="action-list__tools"
      editLabel={t('meeting.actions.editLabel')}
    >
      <span className="action-list__text">{action.text}</span>
      <span className="action-list__due">
        {action.dueOn
          ? t('meeting.actions.due', { date: formatDate(action.dueOn, i18n.language) })
          : t('meeting.actions.noDue')}
      </span>
    </EditableItem>
  );
}
