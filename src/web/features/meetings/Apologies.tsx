import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Meeting, sendApologies } from '../../../contract/meetings.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { SubmitOrCancel } from '../../ui/SubmitOrCancel.tsx';

/** Send apologies for a meeting (with a note for the set only), or take them back. */
export function Apologies({
  meeting,
  personId,
  onChange,
}: {
  meeting: Meeting;
  personId: string;
  onChange(m: Meeting): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = meeting.attendance.find((a) => a.personId === personId);
  if (!mine) return null;

  const save = async (status: 'apologies' | 'expected') => {
    setBusy(true);
    setError(null);
    try {
      const updated = await call(sendApologies, {
        params: { id: meeting.id },
        body: { status, note: status === 'apologies' ? note.trim() : '' },
      });
      onChange(updated);
      setOpen(false);
      setNote('');
      announce(status === 'apologies' ? t('meeting.apologies.sent') : t('meeting.apologies.withdrawn'));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (mine.status === 'apologies') {
    return (
      <div className="apologies">
        <p className="apologies__state">
          {t('meeting.apologies.youSent')}
          {mine.apologyNote ? <span className="cell-sub">“{mine.apologyNote}”</span> : null}
        </p>
        <Button variant="secondary" small busy={busy} onClick={() => save('expected')}>
          {t('meeting.apologies.withdraw')}
        </Button>
        {error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  if (!open) {
    return (
      <Button
        variant="secondary"
        small
        aria-expanded={false}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(true)}
      >
        {t('meeting.apologies.send')}
      </Button>
    );
  }
  return (
    <form
      id={`${id}-form`}
      className="apologies apologies--form"
      onSubmit={(e) => {
        e.preventDefault();
        void save('apologies');
      }}
    >
      <TextAreaField
        id={`${id}-note`}
        label={t('meeting.apologies.note')}
        hint={t('meeting.apologies.noteHint')}
        optional
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoFocus
      />
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <SubmitOrCancel submit={t('meeting.apologies.confirm')} busy={busy} onCancel={() => setOpen(false)} />
    </form>
  );
}
