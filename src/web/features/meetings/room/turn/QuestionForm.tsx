import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSetCoach } from '../../../../../contract/coach.ts';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import { useRoute } from '../../../../api/call.ts';
import type { Room } from '../model.ts';
import { RoomForm } from '../RoomForm.tsx';
import { CoachHint } from './CoachHint.tsx';

const remembered = (setId: string) => `revans.coach.${setId}`;

/**
 * Whether the question coach speaks here: the set's and the member's own switches, read when the
 * question form appears; off means no hint. The answer is remembered on this device so that a room
 * that has lost its connection (the coach itself needs none) keeps to the last known switches.
 */
function useCoachOn(setId: string): boolean {
  const settings = useRoute(getSetCoach, { params: { setId } });
  const active = settings.data?.active;
  useEffect(() => {
    if (active === undefined) return;
    try {
      localStorage.setItem(remembered(setId), active ? 'on' : 'off');
    } catch {
      // Storage may be full or blocked; the switches are read again next time.
    }
  }, [active, setId]);
  if (active !== undefined) return active;
  if (!settings.error) return false;
  try {
    return localStorage.getItem(remembered(setId)) !== 'off';
  } catch {
    return true;
  }
}

/** Asking a question (or, for the scribe, recording one someone else asked); the presenter listens. */
export function QuestionForm({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const { state } = room;
  const [askedBy, setAskedBy] = useState(room.me);
  const coachOn = useCoachOn(state.setup.setId);
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
      coach={coachOn ? (text, use) => <CoachHint text={text} step={step} use={use} /> : undefined}
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
