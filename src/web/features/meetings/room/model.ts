/** What the room needs to know about the viewer and the meeting, derived once per state. */
import { validateCommand } from '../../../../domain/meeting/permissions.ts';
import {
  currentPresenterId,
  currentStage,
  currentTurn,
  hasControls,
  isFacilitator,
  isMember,
  nameOf,
} from '../../../../domain/meeting/selectors.ts';
import type {
  MeetingCommand,
  MeetingState,
  PresenterStep,
  Verdict,
} from '../../../../domain/meeting/types.ts';

export type Send = (command: MeetingCommand) => void;

export interface Room {
  state: MeetingState;
  me: string;
  send: Send;
  /** Would the server accept this command from me now? */
  can(command: MeetingCommand): boolean;
  verdict(command: MeetingCommand): Verdict;
  name(personId: string): string;
  controls: boolean;
  presenterId: string | null;
  isPresenter: boolean;
  isScribe: boolean;
  isMember: boolean;
  isFacilitator: boolean;
}

export function roomOf(state: MeetingState, me: string, send: Send): Room {
  const verdict = (command: MeetingCommand) => validateCommand(state, me, command);
  const presenterId = currentPresenterId(state);
  return {
    state,
    me,
    send,
    verdict,
    can: (command) => verdict(command).ok,
    name: (personId) => nameOf(state.setup, personId),
    controls: hasControls(state, me),
    presenterId,
    isPresenter: presenterId === me,
    isScribe: state.scribeId === me,
    isMember: isMember(state.setup, me),
    isFacilitator: isFacilitator(state.setup, me),
  };
}

export interface NextMove {
  command: MeetingCommand;
  /** What the button says, as an i18n key and its values. */
  label: { key: string; values?: Record<string, string> };
}

const stepTitle = (state: MeetingState, step: PresenterStep) =>
  state.setup.presenterCycle.find((s) => s.key === step)?.title ?? step;

/**
 * The natural next move for whoever runs the meeting: start, the next stage, the next step of the
 * presenter's cycle, the next presenter, or the end. The room never moves on by itself; this is only
 * what the chair's main button offers.
 */
export function nextMove(state: MeetingState): NextMove | null {
  if (state.status === 'ended') return null;
  if (state.status === 'not-started')
    return { command: { type: 'meeting.start' }, label: { key: 'meeting.next.start' } };
  const stage = currentStage(state);
  const index = state.stageIndex ?? 0;
  const following = state.setup.agenda[index + 1];
  const nextStage: NextMove | null = following
    ? {
        command: { type: 'stage.goto', index: index + 1 },
        label: { key: 'meeting.next.stage', values: { stage: following.title } },
      }
    : { command: { type: 'meeting.end' }, label: { key: 'meeting.next.end' } };
  if (stage?.key !== 'presentations') return nextStage;

  const presenterId = currentPresenterId(state);
  const cycle = state.setup.presenterCycle;
  if (presenterId !== null && state.step !== null && state.presenterIndex !== null) {
    const at = cycle.findIndex((s) => s.key === state.step);
    const step = cycle[at + 1];
    if (step) {
      return {
        command: { type: 'presenter.goto', index: state.presenterIndex, step: step.key },
        label: { key: 'meeting.next.step', values: { step: stepTitle(state, step.key) } },
      };
    }
  }
  const waiting = state.presenterOrder.findIndex(
    (id, i) => i !== state.presenterIndex && !state.turns.some((t) => t.presenterId === id),
  );
  if (waiting >= 0) {
    const name = nameOf(state.setup, state.presenterOrder[waiting]!);
    return {
      command: { type: 'presenter.goto', index: waiting, step: cycle[0]?.key ?? 'presenting' },
      label: { key: 'meeting.next.presenter', values: { name } },
    };
  }
  if (presenterId !== null) {
    return {
      command: { type: 'presenter.end' },
      label: { key: 'meeting.next.endTurn', values: { name: nameOf(state.setup, presenterId) } },
    };
  }
  return nextStage;
}

/** Questions each person asked in the turn on the floor: for the facilitator's eye on fair airtime. */
export function questionCounts(state: MeetingState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of currentTurn(state)?.questions ?? [])
    counts.set(q.askedBy, (counts.get(q.askedBy) ?? 0) + 1);
  return counts;
}
