import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import type { Room } from '../model.ts';
import { RoomForm } from '../RoomForm.tsx';
import { DueDateField } from './DueDateField.tsx';

/** The presenter (or the scribe for them) records an action, with an optional due date. */
export function ActionForm({ room }: { room: Room }) {
  const { t } = useTranslation();
  const [dueOn, setDueOn] = useState('');
  if (!room.can({ type: 'action.add', text: 'x' })) return null;
  return (
    <RoomForm
      room={room}
      label={
        room.isPresenter
          ? t('meeting.actions.label')
          : t('meeting.actions.labelFor', { name: room.name(room.presenterId!) })
      }
      hint={t('meeting.actions.hint')}
      submit={t('meeting.actions.submit')}
      maxLength={textLimits.long}
      command={(text) => ({ type: 'action.add', text, dueOn: dueOn || null })}
      onSent={() => setDueOn('')}
    >
      <DueDateField value={dueOn} onChange={setDueOn} />
    </RoomForm>
  );
}
