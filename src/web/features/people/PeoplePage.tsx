import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisations } from '../../../contract/organisations.ts';
import { listPeople } from '../../../contract/people.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { PeopleTable } from './PeopleTable.tsx';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Everyone at the host: find people, see who has an account, invite them. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = me.abilities['person.list'];
  const [search, setSearch] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const term = useDebounced(search.trim(), 250);
  const people = useRoute(
    listPeople,
    allowed
      ? {
          params: { hostId: me.host.id },
          query: {
            search: term || undefined,
            organisationId: organisationId || undefined,
            includeArchived: includeArchived ? 'true' : undefined,
          },
        }
      : null,
    { keepPrevious: true },
  );
  const organisations = useRoute(
    listOrganisations,
    allowed ? { params: { hostId: me.host.id }, query: {} } : null,
  );
  const shown = people.data;
  const filtered = Boolean(term || organisationId || includeArchived);
  useTitle(t('people.title'));
  if (!allowed) return <NotFoundPage />;

  return (
    <section className="page">
      <PageHeader
        title={t('people.title')}
        lead={t('people.lead')}
        actions={
          <>
            {me.abilities['person.inviteCoordinator'] ? (
              <ButtonLink to="/people/invite-coordinator" variant="secondary">
                {t('people.inviteCoordinatorButton')}
              </ButtonLink>
            ) : null}
            {me.abilities['person.create'] ? (
              <ButtonLink to="/people/new">{t('people.add')}</ButtonLink>
            ) : null}
          </>
        }
      />
      <search className="filters" aria-label={t('people.filters')}>
        <TextField
          id="people-search"
          label={t('people.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <SelectField
          id="people-organisation"
          label={t('people.columns.organisation')}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          options={[
            { value: '', label: t('people.allOrganisations') },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <CheckboxField
          id="people-archived"
          label={t('people.showArchived')}
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.target.checked)}
        />
      </search>
      <p className="result-count" role="status" aria-live="polite">
        {shown && (filtered || shown.length > 0) ? t('people.count', { count: shown.length }) : ''}
      </p>
      {!shown && people.error ? <LoadError error={people.error} retry={people.reload} /> : null}
      {!shown && !people.error ? <Loading /> : null}
      {shown && shown.length === 0 ? (
        filtered ? (
          <EmptyState title={t('people.noMatchTitle')}>{t('people.noMatch')}</EmptyState>
        ) : (
          <EmptyState
            title={t('people.emptyTitle')}
            action={
              me.abilities['person.create'] ? (
                <ButtonLink to="/people/new">{t('people.add')}</ButtonLink>
              ) : undefined
            }
          >
            {t('people.empty')}
          </EmptyState>
        )
      ) : null}
      {shown && shown.length > 0 ? <PeopleTable people={shown} onInvited={people.reload} /> : null}
    </section>
  );
}
