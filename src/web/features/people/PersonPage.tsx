import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { listOrganisations, type Organisation } from '../../../contract/organisations.ts';
import { getPerson, updatePerson } from '../../../contract/people.ts';
import { call, useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { useMe, useSession } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErasePersonSection } from '../closing/ErasePersonSection.tsx';
import { MyDataSection } from '../closing/MyDataSection.tsx';
import { AccountStatusBadge, InviteButton } from '../invitations/AccountStatus.tsx';
import { PersonAdmin } from './PersonAdmin.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { PersonForm, type PersonValues, personBody, personValues } from './PersonForm.tsx';

/** One person: account state, details (editable by them and by those who run programmes), admin role. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const me = useMe();
  const session = useSession();
  const announce = useAnnounce();
  const person = useRoute(getPerson, { params: { id: personId } });
  const canEdit = person.data?.abilities['person.update'] ?? false;
  const organisations = useRoute(
    listOrganisations,
    canEdit && me.abilities['organisation.list'] ? { params: { hostId: me.host.id }, query: {} } : null,
  );
  useTitle(person.data?.name);

  if (!person.data)
    return person.error ? <Failure error={person.error} retry={person.reload} /> : <Loading />;
  const p = person.data;
  const self = p.id === me.person.id;
  const orgList: Organisation[] =
    organisations.data ??
    (p.organisation
      ? [{ id: p.organisation.id, name: p.organisation.name, archived: false, people: 0 }]
      : []);

  const save = async (values: PersonValues) => {
    const emailChanged = values.email.trim().toLowerCase() !== (p.email ?? '');
    // Only a changed address is sent: someone with an account keeps theirs, and the server refuses a change.
    const { email, ...unchanged } = personBody(values);
    const body = emailChanged ? { ...unchanged, email } : unchanged;
    person.setData(await call(updatePerson, { params: { id: p.id }, body }));
    announce(t('person.saved'));
    if (self) await session.refresh();
  };

  return (
    <section className="page">
      {me.abilities['person.list'] ? (
        <Breadcrumbs trail={[{ to: '/people', label: t('people.title') }]} current={p.name} />
      ) : null}
      <PageHeader
        title={p.name}
        meta={
          <>
            {self ? <Badge tone="info">{t('person.you')}</Badge> : null}
            {p.status ? <AccountStatusBadge status={p.status} /> : null}
            {p.hostAdmin ? <Badge tone="accent">{t('people.hostAdmin')}</Badge> : null}
            {p.archived ? <Badge>{t('common.archived')}</Badge> : null}
            {p.organisation ? <span>{p.organisation.name}</span> : null}
          </>
        }
      />
      {p.status && !self ? (
        <section className="section" aria-labelledby="account-heading">
          <h2 id="account-heading">{t('person.account.title')}</h2>
          <p>{t(`person.account.${p.status}`, { name: p.name })}</p>
          {p.abilities['person.invite'] && !p.archived ? (
            <InviteButton
              person={{ id: p.id, name: p.name, status: p.status }}
              onInvited={person.reload}
              small={false}
            />
          ) : null}
        </section>
      ) : null}
      <section className="section" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('person.details')}</h2>
        {canEdit && !p.archived ? (
          organisations.loading && !organisations.data && me.abilities['organisation.list'] ? (
            <Loading />
          ) : (
            <div className="card">
              <PersonForm
                key={`${p.id}:${p.email}:${p.name}`}
                initial={personValues(p, {
                  timeZone: me.host.defaultTimeZone,
                  language: me.host.defaultLanguage,
                })}
                organisations={orgList}
                emailLocked={p.status === 'active'}
                submitLabel={t('common.saveChanges')}
                onSubmit={save}
              />
            </div>
          )
        ) : (
          <PersonDetails person={p} />
        )}
      </section>
      {self ? <MyDataSection /> : null}
      <PersonAdmin person={p} onChange={person.setData} />
      {p.archived && p.name === 'A former member' ? null : (
        <ErasePersonSection person={p} onErased={person.reload} />
      )}
    </section>
  );
}
