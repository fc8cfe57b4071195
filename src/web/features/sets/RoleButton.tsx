import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeMemberRole, type LearningSet, type RosterEntry } from '../../../contract/sets.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';

/** Makes a member the facilitator or back again (not offered in self-facilitated sets). */
export function RoleButton({
  set,
  entry,
  onChange,
}: {
  set: LearningSet;
  entry: RosterEntry;
  onChange(set: LearningSet): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = entry.role === 'member' ? 'facilitator' : 'member';
  if (next === 'facilitator' && set.mode === 'self_facilitated') return null;

  const change = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(
        await call(changeMemberRole, {
          params: { id: set.id, personId: entry.personId },
          body: { role: next },
        }),
      );
      announce(t(`set.roster.nowRole.${next}`, { name: entry.name }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="quiet" small busy={busy} onClick={change}>
        {t(`set.roster.makeRole.${next}`)}
        <span className="visually-hidden"> {entry.name}</span>
      </Button>
      {error ? (
        <span className="inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
