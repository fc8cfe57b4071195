import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../ui/Button.tsx';
import type { Room } from '../model.ts';
import { EditForm } from './EditForm.tsx';
import { draftOf, type Editable, editCommand, removeCommand } from './editing.ts';

interface Props {
  room: Room;
  target: Editable;
  className: string;
  toolsClassName: string;
  /** The edit field's label, e.g. "Edit the question". */
  editLabel: string;
  multiline?: boolean;
  /** False hides Edit and Remove from this viewer even where the rules would allow them. */
  offered?: boolean;
  /** Buttons shown before Edit and Remove, e.g. "Struck home". */
  tools?: ReactNode;
  /** The item as it reads when it is not being edited. */
  children: ReactNode;
}

/**
 * One question or action in a turn's list. Whoever the rules let change it gets Edit, which turns the
 * item into an inline form, and Remove; focus comes back to Edit when the form closes.
 */
export function EditableItem({
  room,
  target,
  className,
  toolsClassName,
  editLabel,
  multiline,
  offered = true,
  tools,
  children,
}: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useLayoutEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  if (editing) {
    const done = () => {
      refocus.current = true;
      setEditing(false);
    };
    return (
      <li className={`${className} is-editing`}>
        <EditForm room={room} target={target} label={editLabel} multiline={multiline} onDone={done} />
      </li>
    );
  }
  const remove = removeCommand(target);
  const mayEdit = offered && room.can(editCommand(target, draftOf(target)));
  const mayRemove = offered && room.can(remove);
  const what = <span className="visually-hidden">: {target.item.text}</span>;
  return (
    <li className={className}>
      {children}
      {tools || mayEdit || mayRemove ? (
        <div className={toolsClassName}>
          {tools}
          {mayEdit ? (
            <Button ref={editButton} variant="quiet" small onClick={() => setEditing(true)}>
              {t('meeting.item.edit')}
              {what}
            </Button>
          ) : null}
          {mayRemove ? (
            <Button variant="quiet" small onClick={() => room.send(remove)}>
              {t('meeting.item.remove')}
              {what}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
