// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rooms } from '../../../../../domain/meeting/test-support.ts';
import type { MeetingState } from '../../../../../domain/meeting/types.ts';
import { createWebI18n } from '../../../../i18n.ts';
import { roomOf } from '../model.ts';
import { ActionList } from './Actions.tsx';
import { QuestionList } from './Questions.tsx';

function renderQuestions(state: MeetingState, me: string) {
  const send = vi.fn();
  render(
    <I18nextProvider i18n={createWebI18n()}>
      <QuestionList room={roomOf(state, me, send)} turn={state.turns[0]!} />
    </I18nextProvider>,
  );
  return send;
}

function renderActions(state: MeetingState, me: string) {
  const send = vi.fn();
  render(
    <I18nextProvider i18n={createWebI18n()}>
      <ActionList room={roomOf(state, me, send)} turn={state.turns[0]!} />
    </I18nextProvider>,
  );
  return send;
}

const question = 'What keeps the ones who stay?';
const editButton = (text: string) => screen.getByRole('button', { name: `Edit: ${text}` });

describe('editing a question or an action in place', () => {
  afterEach(cleanup);

  it('opens with the text in a focused field; Enter saves through the room and focus returns to Edit', () => {
    const send = renderQuestions(rooms.questioning().state, 'ben');
    fireEvent.click(editButton(question));
    const field = screen.getByLabelText('Edit the question') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe(question);
    expect(field.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.input(field, { target: { value: 'What keeps the few who stay?' } });
    fireEvent.keyDown(field, { key: 'Enter', shiftKey: true });
    expect(send).not.toHaveBeenCalled();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(send).toHaveBeenCalledWith({
      type: 'question.edit',
      questionId: 'q-ben',
      text: 'What keeps the few who stay?',
    });
    expect(screen.queryByLabelText('Edit the question')).toBeNull();
    expect(document.activeElement).toBe(editButton(question));
  });

  it('cancels with Escape or Cancel, sending nothing, and gives focus back to Edit', () => {
    const send = renderQuestions(rooms.questioning().state, 'ben');
    fireEvent.click(editButton(question));
    fireEvent.input(screen.getByLabelText('Edit the question'), { target: { value: 'Other' } });
    fireEvent.keyDown(screen.getByLabelText('Edit the question'), { key: 'Escape' });
    expect(screen.queryByLabelText('Edit the question')).toBeNull();
    expect(document.activeElement).toBe(editButton(question));
    fireEvent.click(editButton(question));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(editButton(question));
    expect(screen.getByText(question)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('says why at the field when the text is empty, and closes without sending when nothing changed', () => {
    const send = renderQuestions(rooms.questioning().state, 'ben');
    fireEvent.click(editButton(question));
    const field = screen.getByLabelText('Edit the question');
    fireEvent.input(field, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Edit the question cannot be empty.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(field, { target: { value: ` ${question} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByLabelText('Edit the question')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('offers Edit and Remove only to whoever the rules let change the item', () => {
    renderQuestions(rooms.questioning().state, 'dee');
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    cleanup();
    renderQuestions(rooms.questioning().state, 'cal');
    expect(editButton(question)).toBeTruthy();
    expect(screen.getByRole('button', { name: `Remove: ${question}` })).toBeTruthy();
    cleanup();
    renderActions(rooms.actions().state, 'ben');
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
  });

  it("lets the presenter change an action's text and due date", () => {
    const send = renderActions(rooms.actions().state, 'ana');
    fireEvent.click(editButton('Phone the chair of the board'));
    const field = screen.getByLabelText('Edit the action');
    fireEvent.input(field, { target: { value: 'Phone the chair before May' } });
    fireEvent.input(screen.getByLabelText(/^Due/), { target: { value: '2025-04-30' } });
    fireEvent.submit(field.closest('form')!);
    expect(send).toHaveBeenCalledWith({
      type: 'action.edit',
      actionId: 'x-ana',
      text: 'Phone the chair before May',
      dueOn: '2025-04-30',
    });
    expect(document.activeElement).toBe(editButton('Phone the chair of the board'));
  });
});
