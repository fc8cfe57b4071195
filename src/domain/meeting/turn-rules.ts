/** The rules for a presenter's turn: their problem, the questions they receive, their actions. */
import { type Refusal, refuse } from './refusals.ts';
import { dateError, isId, presenterOnly, type Rule, textError, textLimits } from './rule-kit.ts';
import { currentPresenterId, currentTurn, isParticipant, problemsOf } from './selectors.ts';
import type { CommandOf, MeetingState, PresenterTurn, TurnCommandType } from './types.ts';

function questionAndTurn(state: MeetingState, questionId: unknown) {
  for (const turn of state.turns) {
    const question = turn.questions.find((q) => q.questionId === questionId);
    if (question) return { turn, question };
  }
  return undefined;
}

function actionAndTurn(state: MeetingState, actionId: unknown) {
  for (const turn of state.turns) {
    const action = turn.actions.find((a) => a.actionId === actionId);
    if (action) return { turn, action };
  }
  return undefined;
}

const onFloor = (state: MeetingState, turn: PresenterTurn) => currentPresenterId(state) === turn.presenterId;
const isScribe = (state: MeetingState, actorId: string) => state.scribeId === actorId;

function changeQuestion(state: MeetingState, actorId: string, questionId: unknown): Refusal | null {
  const found = questionAndTurn(state, questionId);
  if (!found) return refuse('noSuchQuestion');
  const { question } = found;
  const mayChange =
    question.askedBy === actorId || question.recordedBy === actorId || isScribe(state, actorId);
  return mayChange ? null : refuse('notQuestionChanger');
}

function changeAction(state: MeetingState, actorId: string, actionId: unknown): Refusal | null {
  const found = actionAndTurn(state, actionId);
  if (!found) return refuse('noSuchAction');
  if (found.turn.presenterId === actorId) return null;
  if (isScribe(state, actorId) && onFloor(state, found.turn)) return null;
  return refuse('notActionChanger');
}

export const turnRules: { [T in TurnCommandType]: Rule<CommandOf<T>> } = {
  'problem.choose': (s, a, c) => {
    const refused = presenterOnly(s, a, 'choose');
    if (refused) return refused;
    if (!problemsOf(s, a).some((p) => p.problemId === c.problemId)) return refuse('presentOthersProblem');
    return currentTurn(s)?.problemId === c.problemId ? refuse('problemAlreadyChosen') : null;
  },
  'problem.new': (s, a, c) =>
    presenterOnly(s, a, 'bringNew') ??
    (currentTurn(s)?.newProblem ? refuse('newProblemAlready') : null) ??
    textError(c.title, textLimits.title, 'title') ??
    textError(c.statement, textLimits.long, 'statement'),
  'problem.reframe': (s, a, c) =>
    presenterOnly(s, a, 'reframe') ??
    (currentTurn(s)?.problemId ? null : refuse('reframeWithoutProblem')) ??
    textError(c.statement, textLimits.long, 'newStatement'),
  'question.add': (s, a, c) => {
    const presenterId = currentPresenterId(s);
    if (presenterId === null || (s.step !== 'clarifying' && s.step !== 'questioning')) {
      return refuse('questionOutsideStep');
    }
    if (presenterId === a) return refuse('presenterAsks');
    const askedBy = c.askedBy ?? a;
    if (askedBy !== a) {
      if (!isScribe(s, a)) return refuse('notScribeProxy');
      if (!isId(askedBy) || !isParticipant(s.setup, askedBy)) return refuse('askerOutsider');
      if (askedBy === presenterId) return refuse('presenterAsked');
    }
    return textError(c.text, textLimits.long, 'question');
  },
  'question.edit': (s, a, c) =>
    changeQuestion(s, a, c.questionId) ?? textError(c.text, textLimits.long, 'question'),
  'question.remove': (s, a, c) => changeQuestion(s, a, c.questionId),
  'question.mark': (s, a, c) => {
    const found = questionAndTurn(s, c.questionId);
    if (!found) return refuse('noSuchQuestion');
    if (found.turn.presenterId !== a) return refuse('notPresenterMark');
    return typeof c.struckHome === 'boolean' ? null : refuse('struckHomeMissing');
  },
  'action.add': (s, a, c) => {
    const presenterId = currentPresenterId(s);
    if (presenterId === null || s.step !== 'actions') return refuse('actionOutsideStep');
    if (presenterId !== a && !isScribe(s, a)) return refuse('notActionRecorder');
    return textError(c.text, textLimits.long, 'action') ?? dateError(c.dueOn);
  },
  'action.edit': (s, a, c) =>
    changeAction(s, a, c.actionId) ?? textError(c.text, textLimits.long, 'action') ?? dateError(c.dueOn),
  'action.remove': (s, a, c) => changeAction(s, a, c.actionId),
  'feedback.give': (s, a, c) =>
    presenterOnly(s, a, 'feedback') ??
    (s.step === 'feedback' ? null : refuse('feedbackOutsideStep')) ??
    textError(c.text, textLimits.long, 'feedback'),
};
