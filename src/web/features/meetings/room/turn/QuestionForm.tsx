import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSetCoach, updateMyCoach } from '../../../../../contract/coach.ts';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import { call, useRoute } from '../../../../api/call.ts';
import type { Room } from '../model.ts';
import { RoomForm } from '../RoomForm.tsx';
import { CoachHint } from './CoachHint.tsx';

const remembered = (setId: string) => `revans.coach.${setId}`;

/**
 * Whether the question coach speaks here: the set's and the member's own switches, read when the
 * question form appears; off means no hint. The answer is remembered on this device so that a room
 * that has lost its connection (the coach itself needs none) keeps to the last known switches.
 */
function useCoach(setId: string) {
  const settings = useRoute(getSetCoach, { params: { setId } });
  const [switchedOff, setSwitchedOff] = useState(false);
  const active = settings.data?.active;
  useEffect(() => {
    if (active === undefined) return;
    try {
      localStorage.setItem(remembered(setId), active ? 'on' : 'off');
    } catch {
      // Storage may be full or blocked; the switches are read again next time.
    }
  }, [active, setId]);
  /** The member's own switch, from the hint: off at once here, and on the server for every device. */
  const switchOff = () => {
    setSwitchedOff(true);
    try {
      localStorage.setItem(remembered(setId), 'off');
    } catch {
      // As above.
    }
    void call(updateMyCoach, { body: { enabled: false } }).catch(() => {
      // Offline: the hints stay off in this room; the Meetings tab's switch is the lasting one.
    });
  };
  let on: boolean;
  if (switchedOff) on = false;
  else if (active !== undefined) on = active;
  else if (!settings.error) on = false;
  else {
    try {
      on = localStorage.getItem(remembered(setId)) !== 'off';
    } catch {
      on = true;
    }
  }
  return { on, switchedOff, switchOff };
}

/** Asking a question (or, for the scribe, recording one someone else asked); the presenter listens. */
export function QuestionForm({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const { state } = room;
  const [askedBy, setAskedBy] = useState(room.me);
  const coach = useCoach(state.setup.setId);
  const step = state.step === 'clarifying' ? 'clarifying' : 'questioning';
  if (!room.can({ type: 'question.add', text: 'x' })) {
    return room.isPresenter ? <p className="muted">{t('meeting.questions.presenterListens')}</p> : null;
  }
  const askers = state.setup.participants.filter((p) => p.personId !== room.presenterId);
  return (
    <RoomForm
      room={room}
      multiline
      label={
        state.step === 'clarifying'
          ? t('meeting.questions.clarifyingLabel')
          : t('meeting.questions.openLabel')
      }
      hint={
        state.step === 'clarifying' ? t('meeting.questions.clarifyingHint') : t('meeting.questions.openHint')
      }
      submit={t('meeting.questions.submit')}
      maxLength={textLimits.long}
      coach={
        coach.on
          ? (text, use) => <CoachHint text={text} step={step} use={use} switchOff={coach.switchOff} />
          : coach.switchedOff
            ? () => (
                <p className="muted" role="status">
                  {t('coach.room.switchedOff')}
                </p>
              )
            : undefined
      }
      command={(text) =>
        askedBy === room.me ? { type: 'question.add', text } : { type: 'question.add', text, askedBy }
      }
    >
      {room.isScribe ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-asker`}>
            {t('meeting.questions.askedBy')}
          </label>
          <select
            id={`${id}-asker`}
            className="input input--select"
            value={askedBy}
            onChange={(e) => setAskedBy(e.target.value)}
          >
            {askers.map((p) => (
              <option key={p.personId} value={p.personId}>
                {p.personId === room.me ? t('meeting.questions.me', { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </RoomForm>
  );
}
