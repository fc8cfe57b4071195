/** How a presenter's turn changes: taking the floor, airtime, their problem, questions and actions. */
import { currentPresenterId, own, problemsOf } from './selectors.ts';
import { startTimer } from './timer.ts';
import type {
  CommandOf,
  MeetingAction,
  MeetingState,
  PresenterStep,
  PresenterTurn,
  Question,
  TurnCommandType,
} from './types.ts';

export type Ctx = { actor: string; at: string; ms: number; newId: () => string };
export type Handler<C> = (state: MeetingState, command: C, ctx: Ctx) => MeetingState;

export const nullable = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);

/** Whoever holds the floor gives it up now: their stretch counts into their airtime. */
export function closeFloor(state: MeetingState, ms: number): MeetingState {
  if (!state.turns.some((t) => t.floorSinceMs !== null)) return state;
  const turns = state.turns.map((t) =>
    t.floorSinceMs === null
      ? t
      : { ...t, airtimeMs: t.airtimeMs + Math.max(0, ms - t.floorSinceMs), floorSinceMs: null },
  );
  return { ...state, turns };
}

function updateTurn(
  state: MeetingState,
  presenterId: string,
  change: (turn: PresenterTurn) => PresenterTurn,
) {
  return { ...state, turns: state.turns.map((t) => (t.presenterId === presenterId ? change(t) : t)) };
}

function updateCurrentTurn(state: MeetingState, change: (turn: PresenterTurn) => PresenterTurn) {
  const presenterId = currentPresenterId(state);
  return presenterId === null ? state : updateTurn(state, presenterId, change);
}

function newTurn(state: MeetingState, presenterId: string, ctx: Ctx): PresenterTurn {
  const problems = problemsOf(state, presenterId);
  const bidProblem = own(state.bids, presenterId)?.problemId ?? null;
  return {
    presenterId,
    problemId: bidProblem ?? (problems.length === 1 ? problems[0]!.problemId : null),
    newProblem: null,
    reframes: [],
    questions: [],
    actions: [],
    feedback: null,
    stepsVisited: [],
    airtimeMs: 0,
    floorSinceMs: null,
    startedAt: ctx.at,
  };
}

export function gotoPresenter(
  state: MeetingState,
  index: number,
  step: PresenterStep,
  ctx: Ctx,
): MeetingState {
  const presenterId = state.presenterOrder[index]!;
  let next = state;
  if (index !== state.presenterIndex) {
    next = closeFloor(next, ctx.ms);
    if (!next.turns.some((t) => t.presenterId === presenterId)) {
      next = { ...next, turns: [...next.turns, newTurn(next, presenterId, ctx)] };
    }
    next = updateTurn(next, presenterId, (t) => ({ ...t, floorSinceMs: ctx.ms }));
  }
  next = updateTurn(next, presenterId, (t) =>
    t.stepsVisited.includes(step) ? t : { ...t, stepsVisited: [...t.stepsVisited, step] },
  );
  const minutes = state.setup.presenterCycle.find((s) => s.key === step)!.minutes;
  return { ...next, presenterIndex: index, step, timer: startTimer(minutes, ctx.ms) };
}

export const turnHandlers: { [T in TurnCommandType]: Handler<CommandOf<T>> } = {
  'problem.choose': (s, c) => updateCurrentTurn(s, (t) => ({ ...t, problemId: c.problemId })),
  'problem.new': (s, c, { at, newId }) => {
    const problem = { problemId: newId(), title: c.title.trim(), statement: c.statement.trim(), at };
    return updateCurrentTurn(s, (t) => ({ ...t, newProblem: problem, problemId: problem.problemId }));
  },
  'problem.reframe': (s, c, { at, newId }) =>
    updateCurrentTurn(s, (t) => ({
      ...t,
      reframes: [
        ...t.reframes,
        { reframeId: newId(), problemId: t.problemId!, statement: c.statement.trim(), at },
      ],
    })),
  'question.add': (s, c, { actor, at, newId }) => {
    const step = s.step === 'clarifying' ? 'clarifying' : 'questioning';
    const question = {
      questionId: newId(),
      text: c.text.trim(),
      askedBy: c.askedBy ?? actor,
      recordedBy: actor,
      step,
      struckHome: false,
      at,
    } as const;
    return updateCurrentTurn(s, (t) => ({ ...t, questions: [...t.questions, question] }));
  },
  'question.edit': (s, c) => mapQuestions(s, c.questionId, (q) => ({ ...q, text: c.text.trim() })),
  'question.remove': (s, c) => mapQuestions(s, c.questionId, () => null),
  'question.mark': (s, c) => mapQuestions(s, c.questionId, (q) => ({ ...q, struckHome: c.struckHome })),
  'action.add': (s, c, { actor, at, newId }) => {
    const ownerId = currentPresenterId(s)!;
    const action = {
      actionId: newId(),
      ownerId,
      text: c.text.trim(),
      dueOn: nullable(c.dueOn),
      recordedBy: actor,
      at,
    };
    return updateCurrentTurn(s, (t) => ({ ...t, actions: [...t.actions, action] }));
  },
  'action.edit': (s, c) =>
    mapActions(s, c.actionId, (a) => ({
      ...a,
      text: c.text.trim(),
      dueOn: c.dueOn === undefined ? a.dueOn : c.dueOn,
    })),
  'action.remove': (s, c) => mapActions(s, c.actionId, () => null),
  'feedback.give': (s, c) => updateCurrentTurn(s, (t) => ({ ...t, feedback: c.text.trim() })),
};

/** Changes (or, returning null, removes) one question wherever it was asked. */
function mapQuestions(state: MeetingState, questionId: string, change: (q: Question) => Question | null) {
  const turns = state.turns.map((t) =>
    t.questions.some((q) => q.questionId === questionId)
      ? {
          ...t,
          questions: t.questions.flatMap((q) => (q.questionId === questionId ? (change(q) ?? []) : [q])),
        }
      : t,
  );
  return { ...state, turns };
}

function mapActions(
  state: MeetingState,
  actionId: string,
  change: (a: MeetingAction) => MeetingAction | null,
) {
  const turns = state.turns.map((t) =>
    t.actions.some((a) => a.actionId === actionId)
      ? { ...t, actions: t.actions.flatMap((a) => (a.actionId === actionId ? (change(a) ?? []) : [a])) }
      : t,
  );
  return { ...state, turns };
}
