import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  currentPresenterId,
  currentStage,
  currentTurn,
  nameOf,
} from '../../../../domain/meeting/selectors.ts';
import type { MeetingState } from '../../../../domain/meeting/types.ts';

/** What changed between two states that someone who cannot see the screen should hear about. */
export function changesWorthSaying(
  before: MeetingState,
  after: MeetingState,
  me: string,
  t: TFunction,
): string[] {
  const name = (id: string) => nameOf(after.setup, id);
  const said: string[] = [];
  if (before.status !== after.status) {
    if (after.status === 'live') said.push(t('meeting.announce.started'));
    if (after.status === 'ended') said.push(t('meeting.announce.ended'));
  }
  const stage = currentStage(after);
  if (stage && before.stageIndex !== after.stageIndex)
    said.push(t('meeting.announce.stage', { stage: stage.title }));
  const presenter = currentPresenterId(after);
  if (presenter && (currentPresenterId(before) !== presenter || before.step !== after.step) && after.step) {
    const step = after.setup.presenterCycle.find((s) => s.key === after.step)?.title ?? after.step;
    said.push(
      presenter === me
        ? t('meeting.announce.yourStep', { step })
        : t('meeting.announce.step', { name: name(presenter), step }),
    );
  }
  if (before.chairId !== after.chairId && after.chairId)
    said.push(
      after.chairId === me
        ? t('meeting.announce.youChair')
        : t('meeting.announce.chair', { name: name(after.chairId) }),
    );
  for (const id of after.hands)
    if (!before.hands.includes(id) && id !== me) said.push(t('meeting.announce.hand', { name: name(id) }));
  if (
    before.timer.status !== after.timer.status &&
    before.stageIndex === after.stageIndex &&
    before.step === after.step
  ) {
    if (after.timer.status === 'paused') said.push(t('meeting.announce.paused'));
    if (after.timer.status === 'running' && before.timer.status === 'paused')
      said.push(t('meeting.announce.resumed'));
  }
  if (
    before.timer.status !== 'idle' &&
    after.timer.status !== 'idle' &&
    after.timer.durationMs > before.timer.durationMs &&
    before.stageIndex === after.stageIndex &&
    before.step === after.step
  ) {
    said.push(
      t('meeting.announce.extended', {
        count: Math.round((after.timer.durationMs - before.timer.durationMs) / 60_000),
      }),
    );
  }
  const turnBefore = currentTurn(before);
  const turnAfter = currentTurn(after);
  if (turnAfter && turnBefore?.presenterId === turnAfter.presenterId) {
    for (const q of turnAfter.questions.slice(turnBefore.questions.length)) {
      if (q.recordedBy !== me) said.push(t('meeting.announce.question', { name: name(q.askedBy) }));
    }
  }
  for (const id of after.present)
    if (!before.present.includes(id) && id !== me)
      said.push(t('meeting.announce.joined', { name: name(id) }));
  return said;
}

/** One polite live region with what just happened in the room (a few words, never every tick). */
export function Announcer({ state, me }: { state: MeetingState | null; me: string }) {
  const { t } = useTranslation();
  const previous = useRef<MeetingState | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (!before || !state || before.setup.meetingId !== state.setup.meetingId) return;
    const said = changesWorthSaying(before, state, me, t);
    if (said.length) setMessage(said.join(' '));
  }, [state, me, t]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="room-announcer">
      {message}
    </div>
  );
}
