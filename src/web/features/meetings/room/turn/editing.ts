/** Changing what was said in a turn: the commands the room's inline edit form sends, worked out purely. */
import type { MeetingAction, MeetingCommand, Question } from '../../../../../domain/meeting/types.ts';

/** Something in a turn its author may change or take back: a question asked, an action agreed. */
export type Editable = { kind: 'question'; item: Question } | { kind: 'action'; item: MeetingAction };

/** What the inline form holds: the text and, for an action only, its due date ('' for none). */
export interface Draft {
  text: string;
  dueOn?: string;
}

export function draftOf(target: Editable): Draft {
  return target.kind === 'question'
    ? { text: target.item.text }
    : { text: target.item.text, dueOn: target.item.dueOn ?? '' };
}

/**
 * The command that saves a draft. With the item's own draft (draftOf) it is the probe for whether the
 * viewer may edit at all: the rules then judge only who is asking, not the text.
 */
export function editCommand(target: Editable, draft: Draft): MeetingCommand {
  const text = draft.text.trim();
  return target.kind === 'question'
    ? { type: 'question.edit', questionId: target.item.questionId, text }
    : { type: 'action.edit', actionId: target.item.actionId, text, dueOn: draft.dueOn || null };
}

export function removeCommand(target: Editable): MeetingCommand {
  return target.kind === 'question'
    ? { type: 'question.remove', questionId: target.item.questionId }
    : { type: 'action.remove', actionId: target.item.actionId };
}

/** Saving this draft would change nothing (spaces around the text do not count), so the form just closes. */
export function unchanged(target: Editable, draft: Draft): boolean {
  const before = draftOf(target);
  return before.text.trim() === draft.text.trim() && (before.dueOn ?? '') === (draft.dueOn ?? '');
}
