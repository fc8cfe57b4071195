import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import { Button } from '../../../../ui/Button.tsx';
import type { Room } from '../model.ts';
import { refusalText } from '../refusal.ts';
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

  const described = [`${id}-keys`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const common = {
    id: `${id}-text`,
    ref: field,
    className: multiline ? 'input input--area' : 'input',
    value: draft.text,
    maxLength: textLimits.long,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    onChange: (e: { target: { value: string } }) => {
      setDraft({ ...draft, text: e.target.value });
      if (error) setError(null);
    },
  };
  return (
    <form noValidate className="room-form edit-form" onSubmit={save} onKeyDown={keys}>
      <div className={error ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={`${id}-text`}>
          {label}
        </label>
        <p className="field__hint" id={`${id}-keys`}>
          {multiline ? t('meeting.item.keysMultiline') : t('meeting.item.keys')}
        </p>
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            <span className="visually-hidden">{t('forms.errorPrefix')} </span>
            {error}
          </p>
        ) : null}
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      </div>
      {draft.dueOn !== undefined ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-due`}>
            {t('meeting.actions.dueLabel')} <span className="field__optional">{t('forms.optional')}</span>
          </label>
          <input
            id={`${id}-due`}
            type="date"
            className="input input--date"
            value={draft.dueOn}
            onChange={(e) => setDraft({ ...draft, dueOn: e.target.value })}
          />
        </div>
      ) : null}
      <div className="room-form__actions">
        <Button type="submit" small>
          {t('meeting.item.save')}
        </Button>
        <Button variant="quiet" small onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
