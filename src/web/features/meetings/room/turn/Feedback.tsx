import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import type { PresenterTurn } from '../../../../../domain/meeting/types.ts';
import type { Room } from '../model.ts';
import { RoomForm } from '../RoomForm.tsx';

/** The presenter's feedback on the process, at the end of their turn. */
export function Feedback({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t } = useTranslation();
  const may = room.can({ type: 'feedback.give', text: 'x' });
  return (
    // The step's own heading ("Presenter's feedback") names this part already: no second heading.
    <div className="feedback-block">
      {turn.feedback ? <blockquote className="feedback-block__text">{turn.feedback}</blockquote> : null}
      {may ? (
        <RoomForm
          key={turn.feedback ?? ''}
          room={room}
          multiline
          label={turn.feedback ? t('meeting.feedback.change') : t('meeting.feedback.label')}
          hint={t('meeting.feedback.hint')}
          submit={t('meeting.feedback.submit')}
          maxLength={textLimits.long}
          command={(text) => ({ type: 'feedback.give', text })}
        />
      ) : turn.feedback ? null : (
        <p className="muted">{t('meeting.feedback.waiting', { name: room.name(turn.presenterId) })}</p>
      )}
    </div>
  );
}
