import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../../ui/Field.tsx';

/** The optional due date of an action, as recorded in the room. */
export function DueDateField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <TextField
      id={id}
      type="date"
      className="input--date"
      label={t('meeting.actions.dueLabel')}
      optional
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
