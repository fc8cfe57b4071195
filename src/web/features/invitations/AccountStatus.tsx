import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitePerson } from '../../../contract/invitations.ts';
import type { AccountStatus } from '../../../contract/people.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';

const tones = { active: 'success', invited: 'info', 'not-invited': 'neutral' } as const;

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`account.status.${status}`)}</Badge>;
}

interface InviteProps {
  person: { id: string; name: string; status: AccountStatus };
  onInvited?(): void;
  small?: boolean;
}

/** Invite, or invite again (the earlier link then stops working). Nothing for people with an account. */
export function InviteButton({ person, onInvited, small = true }: InviteProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (person.status === 'active') return null;
  const again = person.status === 'invited';

  const invite = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(invitePerson, { params: { id: person.id } });
      announce(t(again ? 'account.reinvited' : 'account.invited', { name: person.name }));
      onInvited?.();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="invite">
      <Button variant="secondary" small={small} busy={busy} busyLabel={t('account.sending')} onClick={invite}>
        {again ? t('account.reinvite') : t('account.invite')}
        <span className="visually-hidden"> {person.name}</span>
      </Button>
      {error ? (
        <span className="inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
