import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../../contract/enums.ts';
import { type Meeting, recordAttendance } from '../../../contract/meetings.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';

const statuses: AttendanceStatus[] = ['present', 'apologies', 'absent'];

/** After a meeting, whoever may record attendance can correct what the room recorded. */
export function AttendanceEditor({ meeting, onChange }: { meeting: Meeting; onChange(m: Meeting): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const save = async (personId: string, name: string, status: AttendanceStatus) => {
    setBusy(personId);
    setError(null);
    try {
      onChange(await call(recordAttendance, { params: { id: meeting.id, personId }, body: { status } }));
      announce(t('meeting.attendanceEdit.saved', { name, status: t(`meeting.attendance.${status}`) }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="attendance-editor">
      <summary>{t('meeting.attendanceEdit.open')}</summary>
      <p className="field__hint">{t('meeting.attendanceEdit.hint')}</p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="attendance-editor__list">
        {meeting.attendance.map((a) => (
          <li key={a.personId}>
            <label htmlFor={`${id}-${a.personId}`}>{a.name}</label>
            <select
              id={`${id}-${a.personId}`}
              className="input input--select input--inline"
              value={a.status === 'expected' ? '' : a.status}
              disabled={busy === a.personId}
              onChange={(e) => void save(a.personId, a.name, e.target.value as AttendanceStatus)}
            >
              {a.status === 'expected' ? <option value="">{t('meeting.attendance.expected')}</option> : null}
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`meeting.attendance.${s}`)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </details>
  );
}
