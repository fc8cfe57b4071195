import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountStatus, Person } from '../../../contract/people.ts';
import { type LearningSet, type RosterEntry, removeMember } from '../../../contract/sets.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { AccountStatusBadge, InviteButton } from '../invitations/AccountStatus.tsx';
import { RoleButton } from './RoleButton.tsx';

interface Props {
  set: LearningSet;
  viewerId: string;
  /** The host's people (for managers): gives each member's account state. */
  people: Person[] | undefined;
  onChange(set: LearningSet): void;
  onInvited(): void;
}

function statusOf(entry: RosterEntry, people: Person[] | undefined): AccountStatus | undefined {
  const person = people?.find((p) => p.id === entry.personId);
  if (person?.status) return person.status;
  if (entry.hasAccount === undefined) return undefined;
  return entry.hasAccount ? 'active' : 'not-invited';
}

const facilitatorsFirst = (roster: RosterEntry[]) =>
  [...roster].sort((a, b) =>
    a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'facilitator' ? -1 : 1,
  );

/** The set's roster. Members see names, organisations and roles; managers also see accounts and act. */
export function RosterTable({ set, viewerId, people, onChange, onInvited }: Props) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const manage = set.abilities['set.manageMembers'] && !set.archived;
  const seesAccounts = set.roster.some((r) => r.hasAccount !== undefined);

  const remove = (entry: RosterEntry) => async () => {
    onChange(await call(removeMember, { params: { id: set.id, personId: entry.personId } }));
    announce(t('set.roster.removed', { name: entry.name }));
  };

  return (
    // A member's roster has no link or button: the wrapper takes focus so the keyboard can scroll it on a phone.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t('set.rosterOf', { name: set.name })} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t('set.rosterOf', { name: set.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.columns.name')}</th>
            <th scope="col">{t('people.columns.organisation')}</th>
            <th scope="col">{t('people.columns.jobRole')}</th>
            <th scope="col">{t('set.roster.role')}</th>
            {seesAccounts ? <th scope="col">{t('people.columns.account')}</th> : null}
            {manage ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {facilitatorsFirst(set.roster).map((entry) => {
            const status = statusOf(entry, people);
            return (
              <tr key={entry.personId}>
                <th scope="row">
                  {seesAccounts ? <Link to={`/people/${entry.personId}`}>{entry.name}</Link> : entry.name}
                  {entry.personId === viewerId ? <span className="muted"> {t('set.roster.you')}</span> : null}
                </th>
                <td>
                  {entry.organisation?.name ?? <span className="muted">{t('people.noOrganisation')}</span>}
                </td>
                <td>{entry.jobRole || <span className="muted">—</span>}</td>
                <td>
                  <Badge tone={entry.role === 'facilitator' ? 'accent' : 'neutral'}>
                    {t(`set.role.${entry.role}`)}
                  </Badge>
                </td>
                {seesAccounts ? (
                  <td>
                    <span className="cell-stack">
                      {status ? <AccountStatusBadge status={status} /> : null}
                      {status && set.abilities['set.manageMembers'] ? (
                        <InviteButton
                          person={{ id: entry.personId, name: entry.name, status }}
                          onInvited={onInvited}
                        />
                      ) : null}
                    </span>
                  </td>
                ) : null}
                {manage ? (
                  <td>
                    <span className="cell-actions">
                      <RoleButton set={set} entry={entry} onChange={onChange} />
                      <ConfirmButton
                        small
                        label={
                          <>
                            {t('set.roster.remove')}
                            <span className="visually-hidden"> {entry.name}</span>
                          </>
                        }
                        title={t('set.roster.removeTitle', { name: entry.name, set: set.name })}
                        message={t('set.roster.removeBody', { name: entry.name })}
                        confirmLabel={t('set.roster.remove')}
                        onConfirm={remove(entry)}
                      />
                    </span>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
