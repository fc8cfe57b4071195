import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import { describedBy, Field } from '../../../../ui/Field.tsx';
import { SubmitOrCancel } from '../../../../ui/SubmitOrCancel.tsx';
import type { Room } from '../model.ts';
import { refusalText } from '../refusal.ts';
import { DueDateField } from './DueDateField.tsx';
import { type Draft, draftOf, type Editable, editCommand, unchanged } from './editing.ts';

interface Props {
  room: Room;
  target: Editable;
  /** The text field's label, e.g. "Edit the question". */
  label: string;
  multiline?: boolean;
  /** Closes the form (saved, unchanged or cancelled); the item then puts focus back on its Edit button. */
  onDone(): void;
}

/**
 * The inline form an item turns into while it is edited. Enter saves (Shift+Enter is a new line in a
 * paragraph), Escape cancels. The rules are checked before sending, as RoomForm does, and a refusal is
 * shown at the field; the command goes through the room's live path, so it waits while offline.
 */
export function EditForm({ room, target, label, multiline, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(target));
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const refuse = (reason: string) => {
    setError(reason);
    field.current?.focus();
  };
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (!draft.text.trim()) return refuse(t('meeting.form.empty', { label }));
    if (unchanged(target, draft)) return onDone();
    const command = editCommand(target, draft);
    const verdict = room.verdict(command);
    if (!verdict.ok) return refuse(refusalText(t, verdict.refusal));
    room.send(command);
    onDone();
  };
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    } else if (
      multiline &&
      event.key === 'Enter' &&
      !event.shiftKey &&
      !event.nativeEvent.isComposing &&
      event.target === field.current
    ) {
      save(event);
    }
  };

  const keysHint = multiline ? t('meeting.item.keysMultiline') : t('meeting.item.keys');
  const common = {
    id: `${id}-text`,
    ref: field,
    className: multiline ? 'input input--area' : 'input',
    value: draft.text,
    maxLength: textLimits.long,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(`${id}-text`, keysHint, error),
    onChange: (e: { target: { value: string } }) => {
      setDraft({ ...draft, text: e.target.value });
      if (error) setError(null);
    },
  };
  return (
    <form noValidate className="room-form edit-form" onSubmit={save} onKeyDown={keys}>
      <Field id={`${id}-text`} label={label} hint={keysHint} error={error}>
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      </Field>
      {draft.dueOn !== undefined ? (
        <DueDateField value={draft.dueOn} onChange={(dueOn) => setDraft({ ...draft, dueOn })} />
      ) : null}
      <SubmitOrCancel className="room-form__actions" submit={t('meeting.item.save')} onCancel={onDone} />
    </form>
  );
}
