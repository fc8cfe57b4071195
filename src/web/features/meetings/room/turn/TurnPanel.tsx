import { useTranslation } from 'react-i18next';
import { currentTurn } from '../../../../../domain/meeting/selectors.ts';
import type { PresenterStep, PresenterTurn } from '../../../../../domain/meeting/types.ts';
import type { Room } from '../model.ts';
import { ActionForm } from './ActionForm.tsx';
import { ActionList } from './Actions.tsx';
import { Feedback } from './Feedback.tsx';
import { ProblemOnFloor } from './ProblemOnFloor.tsx';
import { QuestionForm } from './QuestionForm.tsx';
import { QuestionList } from './Questions.tsx';
import { ReframeForm } from './ReframeForm.tsx';
import { StepTrack } from './StepTrack.tsx';

/** The presenter on the floor: their problem, the step of the cycle, and what the step asks of each person. */
export function TurnPanel({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const turn = currentTurn(state);
  if (!turn || !state.step || room.presenterId === null) return null;
  const step = state.step;
  const name = room.name(turn.presenterId);
  const stepPlan = state.setup.presenterCycle.find((s) => s.key === step);
  return (
    <section className="turn" aria-labelledby="turn-heading">
      <div className="turn__head">
        <h3 id="turn-heading">
          {room.isPresenter ? t('meeting.turn.youHaveFloor') : t('meeting.turn.hasFloor', { name })}
        </h3>
        <StepTrack room={room} />
      </div>
      <ProblemOnFloor room={room} turn={turn} />
      <section className="turn__step" aria-labelledby="step-heading">
        <h4 id="step-heading">{stepPlan?.title ?? step}</h4>
        <p className="step-guide">
          {room.isPresenter ? t(`meeting.guide.presenter.${step}`) : t(`meeting.guide.others.${step}`)}
        </p>
        <StepBody room={room} turn={turn} step={step} />
      </section>
    </section>
  );
}

/** What each step of the cycle shows under its guide. */
function StepBody({ room, turn, step }: { room: Room; turn: PresenterTurn; step: PresenterStep }) {
  switch (step) {
    case 'presenting':
      return null;
    case 'clarifying':
    case 'questioning':
      return (
        <>
          <QuestionForm room={room} />
          <QuestionList room={room} turn={turn} />
        </>
      );
    case 'reframing':
      return (
        <>
          <ReframeForm room={room} turn={turn} />
          <QuestionList room={room} turn={turn} struckFirst />
        </>
      );
    case 'actions':
      return (
        <>
          <ActionForm room={room} />
          <ActionList room={room} turn={turn} />
        </>
      );
    case 'feedback':
      return (
        <>
          <ActionList room={room} turn={turn} />
          <Feedback room={room} turn={turn} />
        </>
      );
  }
}
