import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import type { Room } from '../model.ts';
import { RoomForm } from '../RoomForm.tsx';

/** The presenter (or the scribe for them) records an action, with an optional due date. */
export function ActionForm({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
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
      <div className="field">
        <label className="field__label" htmlFor={`${id}-due`}>
          {t('meeting.actions.dueLabel')} <span className="field__optional">{t('forms.optional')}</span>
        </label>
        <input
          id={`${id}-due`}
          type="date"
          className="input input--date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
      </div>
    </RoomForm>
  );
}
