import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import type { PresenterTurn } from '../../../../../domain/meeting/types.ts';
import type { Room } from '../model.ts';
import { RoomForm } from '../RoomForm.tsx';

/** The presenter restates their problem; the others see the latest restatement. */
export function ReframeForm({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t } = useTranslation();
  const reframes = turn.reframes;
  if (!room.can({ type: 'problem.reframe', statement: 'x' })) {
    return reframes.length ? (
      <div className="callout callout--success">
        <p className="callout__title">
          {t('meeting.reframe.restated', { name: room.name(turn.presenterId) })}
        </p>
        <p>{reframes.at(-1)!.statement}</p>
      </div>
    ) : null;
  }
  return (
    <RoomForm
      key={reframes.length}
      room={room}
      multiline
      label={reframes.length ? t('meeting.reframe.again') : t('meeting.reframe.label')}
      hint={t('meeting.reframe.hint')}
      submit={t('meeting.reframe.submit')}
      maxLength={textLimits.long}
      command={(statement) => ({ type: 'problem.reframe', statement })}
    />
  );
}
