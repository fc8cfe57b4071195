import { describe, expect, it } from 'vitest';
import { rooms } from '../../../../../domain/meeting/test-support.ts';
import type { MeetingState } from '../../../../../domain/meeting/types.ts';
import { roomOf } from '../model.ts';
import { draftOf, type Editable, editCommand, removeCommand, unchanged } from './editing.ts';

const questionIn = (state: MeetingState, id: string): Editable => ({
  kind: 'question',
  item: state.turns.flatMap((t) => t.questions).find((q) => q.questionId === id)!,
});
const actionIn = (state: MeetingState, id: string): Editable => ({
  kind: 'action',
  item: state.turns.flatMap((t) => t.actions).find((a) => a.actionId === id)!,
});
/** Whether the room offers this person Edit: the probe is the item's own draft. */
const mayEdit = (state: MeetingState, me: string, target: Editable) =>
  roomOf(state, me, () => {}).can(editCommand(target, draftOf(target)));

describe('editing a question or an action in the room', () => {
  it('turns a question draft into question.edit, trimmed', () => {
    const target = questionIn(rooms.questioning().state, 'q-ben');
    expect(draftOf(target)).toEqual({ text: 'What keeps the ones who stay?' });
    expect(editCommand(target, { text: '  What keeps the few who stay?  ' })).toEqual({
      type: 'question.edit',
      questionId: 'q-ben',
      text: 'What keeps the few who stay?',
    });
    expect(removeCommand(target)).toEqual({ type: 'question.remove', questionId: 'q-ben' });
  });

  it('turns an action draft into action.edit, an empty date clearing the due date', () => {
    const target = actionIn(rooms.actions().state, 'x-ana');
    expect(draftOf(target)).toEqual({ text: 'Phone the chair of the board', dueOn: '' });
    expect(editCommand(target, { text: 'Phone the chair', dueOn: '2025-04-01' })).toEqual({
      type: 'action.edit',
      actionId: 'x-ana',
      text: 'Phone the chair',
      dueOn: '2025-04-01',
    });
    expect(editCommand(target, { text: 'Phone the chair', dueOn: '' })).toMatchObject({ dueOn: null });
    expect(removeCommand(target)).toEqual({ type: 'action.remove', actionId: 'x-ana' });
  });

  it('sees a draft as unchanged only when neither the text (spaces aside) nor the date moved', () => {
    const question = questionIn(rooms.questioning().state, 'q-ben');
    expect(unchanged(question, { text: ' What keeps the ones who stay? ' })).toBe(true);
    expect(unchanged(question, { text: 'What keeps them?' })).toBe(false);
    const action = actionIn(rooms.actions().state, 'x-ana');
    expect(unchanged(action, { text: 'Phone the chair of the board', dueOn: '' })).toBe(true);
    expect(unchanged(action, { text: 'Phone the chair of the board', dueOn: '2025-04-01' })).toBe(false);
  });

  it('offers Edit on a question to its asker and the scribe, not to the presenter or another member', () => {
    const { state } = rooms.questioning();
    const target = questionIn(state, 'q-ben');
    expect(['ben', 'cal', 'ana', 'dee', 'fay'].map((id) => mayEdit(state, id, target))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('offers Edit on an action to the presenter and, during their turn, the scribe; nobody else', () => {
    const { state } = rooms.actions();
    const target = actionIn(state, 'x-ana');
    expect(['ana', 'cal', 'ben', 'fay'].map((id) => mayEdit(state, id, target))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('sends commands the rules accept and the reducer applies, and refuses an empty text', () => {
    const room = rooms.actions();
    const action = actionIn(room.state, 'x-ana');
    room.do('ana', editCommand(action, { text: 'Phone the chair before May', dueOn: '2025-04-30' }));
    expect(actionIn(room.state, 'x-ana').item).toMatchObject({
      text: 'Phone the chair before May',
      dueOn: '2025-04-30',
    });
    const question = questionIn(room.state, 'q-ben');
    room.do('ben', editCommand(question, { text: 'What keeps the few who stay?' }));
    expect(questionIn(room.state, 'q-ben').item.text).toBe('What keeps the few who stay?');
    expect(room.refusal('ben', editCommand(question, { text: '   ' }))).toEqual({
      code: 'text.empty',
      params: { context: 'question' },
    });
  });
});
