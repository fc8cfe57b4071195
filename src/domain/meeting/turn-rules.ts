/** The rules for a presenter's turn: their problem, the questions they receive, their actions. */
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

function changeQuestion(state: MeetingState, actorId: string, questionId: unknown): string | null {
  const found = questionAndTurn(state, questionId);
  if (!found) return 'That question is not part of this meeting.';
  const { question } = found;
  const mayChange =
    question.askedBy === actorId || question.recordedBy === actorId || isScribe(state, actorId);
  return mayChange ? null : 'Only whoever asked or recorded a question, or the scribe, can change it.';
}

function changeAction(state: MeetingState, actorId: string, actionId: unknown): string | null {
  const found = actionAndTurn(state, actionId);
  if (!found) return 'That action is not part of this meeting.';
  if (found.turn.presenterId === actorId) return null;
  if (isScribe(state, actorId) && onFloor(state, found.turn)) return null;
  return 'Only the presenter, or the scribe during their turn, can change their actions.';
}

export const turnRules: { [T in TurnCommandType]: Rule<CommandOf<T>> } = {
  'problem.choose': (s, a, c) => {
    const refused = presenterOnly(s, a, 'choose the problem they present');
    if (refused) return refused;
    if (!problemsOf(s, a).some((p) => p.problemId === c.problemId))
      return 'You can only present a problem of your own.';
    return currentTurn(s)?.problemId === c.problemId ? 'That problem is already the one on the floor.' : null;
  },
  'problem.new': (s, a, c) =>
    presenterOnly(s, a, 'bring a new problem') ??
    (currentTurn(s)?.newProblem
      ? 'You have already brought a new problem in this turn: restate it instead.'
      : null) ??
    textError(c.title, textLimits.title, 'The title') ??
    textError(c.statement, textLimits.long, 'The problem statement'),
  'problem.reframe': (s, a, c) =>
    presenterOnly(s, a, 'restate their problem') ??
    (currentTurn(s)?.problemId ? null : 'Choose the problem you are presenting before restating it.') ??
    textError(c.statement, textLimits.long, 'The new statement'),
  'question.add': (s, a, c) => {
    const presenterId = currentPresenterId(s);
    if (presenterId === null || (s.step !== 'clarifying' && s.step !== 'questioning')) {
      return 'Questions can be added during clarifying or open questioning.';
    }
    if (presenterId === a) return 'You have the floor: the others ask, and their questions are kept for you.';
    const askedBy = c.askedBy ?? a;
    if (askedBy !== a) {
      if (!isScribe(s, a)) return "Only the scribe can record a question on someone else's behalf.";
      if (!isId(askedBy) || !isParticipant(s.setup, askedBy))
        return 'Only someone in this set can ask questions.';
      if (askedBy === presenterId) return 'The presenter answers the questions rather than asking them.';
    }
    return textError(c.text, textLimits.long, 'A question');
  },
  'question.edit': (s, a, c) =>
    changeQuestion(s, a, c.questionId) ?? textError(c.text, textLimits.long, 'A question'),
  'question.remove': (s, a, c) => changeQuestion(s, a, c.questionId),
  'question.mark': (s, a, c) => {
    const found = questionAndTurn(s, c.questionId);
    if (!found) return 'That question is not part of this meeting.';
    if (found.turn.presenterId !== a) return 'Only the presenter marks the questions that struck home.';
    return typeof c.struckHome === 'boolean' ? null : 'Say whether the question struck home.';
  },
  'action.add': (s, a, c) => {
    const presenterId = currentPresenterId(s);
    if (presenterId === null || s.step !== 'actions')
      return 'Actions are agreed during ways forward and actions.';
    if (presenterId !== a && !isScribe(s, a)) {
      return 'Actions belong to the presenter: only they, or the scribe for them, can record them.';
    }
    return textError(c.text, textLimits.long, 'An action') ?? dateError(c.dueOn);
  },
  'action.edit': (s, a, c) =>
    changeAction(s, a, c.actionId) ?? textError(c.text, textLimits.long, 'An action') ?? dateError(c.dueOn),
  'action.remove': (s, a, c) => changeAction(s, a, c.actionId),
  'feedback.give': (s, a, c) =>
    presenterOnly(s, a, 'give feedback on their turn') ??
    (s.step === 'feedback'
      ? null
      : "The presenter's feedback comes in its own step, at the end of the turn.") ??
    textError(c.text, textLimits.long, 'Your feedback'),
};
