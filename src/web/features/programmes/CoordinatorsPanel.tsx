import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listPeople } from '../../../contract/people.ts';
import { addCoordinator, type Programme, removeCoordinator } from '../../../contract/programmes.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useMe } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { AccountStatusBadge, InviteButton } from '../invitations/AccountStatus.tsx';

interface Props {
  programme: Programme;
  onChange(programme: Programme): void;
}

/** Who coordinates the programme; host admins add and remove them, and invite them to sign in. */
export function CoordinatorsPanel({ programme, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const selectId = useId();
  const manage = programme.abilities['programme.manageCoordinators'];
  const people = useRoute(
    listPeople,
    me.abilities['person.list'] ? { params: { hostId: me.host.id } } : null,
  );
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const coordinators = programme.coordinators;
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const candidates = (people.data ?? []).filter((p) => !coordinators.some((c) => c.personId === p.id));

  const add = async () => {
    if (!choice) {
      setError(t('programme.coordinators.choose'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await call(addCoordinator, {
        params: { id: programme.id },
        body: { personId: choice },
      });
      onChange(updated);
      announce(t('programme.coordinators.added', { name: byId.get(choice)?.name ?? '' }));
      setChoice('');
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const remove = (personId: string, name: string) => async () => {
    onChange(await call(removeCoordinator, { params: { id: programme.id, personId } }));
    announce(t('programme.coordinators.removed', { name }));
  };

  return (
    <section className="section" aria-labelledby="coordinators-settings">
      <h2 id="coordinators-settings">{t('programme.coordinators.title')}</h2>
      <p className="muted">{t('programme.coordinators.lead')}</p>
      {coordinators.length === 0 ? (
        <EmptyState title={t('programme.coordinators.emptyTitle')}>
          {t('programme.coordinators.empty')}
        </EmptyState>
      ) : (
        <ul className="people-list">
          {coordinators.map((c) => {
            const person = byId.get(c.personId);
            return (
              <li key={c.personId} className="people-list__item">
                <Link to={`/people/${c.personId}`} className="people-list__name">
                  {c.name}
                </Link>
                {person?.status ? <AccountStatusBadge status={person.status} /> : null}
                <span className="people-list__actions">
                  {person?.status && person.abilities['person.invite'] ? (
                    <InviteButton
                      person={{ id: person.id, name: person.name, status: person.status }}
                      onInvited={people.reload}
                    />
                  ) : null}
                  {manage ? (
                    <ConfirmButton
                      small
                      label={
                        <>
                          {t('programme.coordinators.remove')}
                          <span className="visually-hidden"> {c.name}</span>
                        </>
                      }
                      title={t('programme.coordinators.removeTitle', { name: c.name })}
                      message={t('programme.coordinators.removeBody', { name: c.name })}
                      confirmLabel={t('programme.coordinators.remove')}
                      onConfirm={remove(c.personId, c.name)}
                    />
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {manage && people.data ? (
        <div className="inline-form inline-form__row">
          <SelectField
            id={selectId}
            label={t('programme.coordinators.person')}
            value={choice}
            error={error ?? undefined}
            onChange={(e) => setChoice(e.target.value)}
            options={[
              { value: '', label: t('programme.coordinators.choosePlaceholder') },
              ...candidates.map((p) => ({
                value: p.id,
                label: p.organisation ? `${p.name} (${p.organisation.name})` : p.name,
              })),
            ]}
          />
          <Button variant="secondary" busy={busy} onClick={add}>
            {t('programme.coordinators.add')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
