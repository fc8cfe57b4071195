import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingCommand } from '../../../../domain/meeting/types.ts';
import { Button } from '../../../ui/Button.tsx';
import { describedBy, Field } from '../../../ui/Field.tsx';
import type { Room } from './model.ts';
import { refusalText } from './refusal.ts';

interface Props {
  room: Room;
  label: string;
  hint?: ReactNode;
  submit: string;
  /** The command this text makes, or null when it is not ready to send. */
  command(text: string): MeetingCommand;
  multiline?: boolean;
  maxLength?: number;
  /** Extra fields (e.g. who asked) rendered between the text and the button. */
  children?: ReactNode;
  /**
   * A quiet coach under the field about the text as typed (never a refusal, never sent): given the text
   * and a way to put another text in the field.
   */
  coach?(text: string, use: (next: string) => void): ReactNode;
  initial?: string;
  onSent?(): void;
  className?: string;
}

/**
 * One line or paragraph sent to the room. The rules are checked before sending (the same ones the
 * server applies), the refusal is shown next to the field, and focus stays in the field for the next one.
 */
export function RoomForm({
  room,
  label,
  hint,
  submit,
  command,
  multiline,
  maxLength,
  children,
  coach,
  initial = '',
  onSent,
  className,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('meeting.form.empty', { label }));
      field.current?.focus();
      return;
    }
    const verdict = room.verdict(command(text));
    if (!verdict.ok) {
      setError(refusalText(t, verdict.refusal));
      return;
    }
    room.send(command(text));
    setText('');
    setError(null);
    onSent?.();
    field.current?.focus();
  };

  const use = (next: string) => {
    setText(next);
    setError(null);
    field.current?.focus();
  };

  const common = {
    id,
    ref: field,
    className: multiline ? 'input input--area' : 'input',
    value: text,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      if (error) setError(null);
    },
  };
  return (
    <form noValidate className={['room-form', className].filter(Boolean).join(' ')} onSubmit={send}>
      <Field id={id} label={label} hint={hint} error={error}>
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
        {coach?.(text, use)}
      </Field>
      {children}
      <div className="room-form__actions">
        <Button type="submit" small>
          {submit}
        </Button>
      </div>
    </form>
  );
}
