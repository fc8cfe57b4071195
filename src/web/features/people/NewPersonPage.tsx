import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listOrganisations } from '../../../contract/organisations.ts';
import { createPerson } from '../../../contract/people.ts';
import { call, useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { PeopleFormPage } from './PeopleFormPage.tsx';
import { PersonForm, type PersonValues, personBody, personValues } from './PersonForm.tsx';

export function NewPersonPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const allowed = me.abilities['person.create'];
  const organisations = useRoute(
    listOrganisations,
    allowed ? { params: { hostId: me.host.id }, query: {} } : null,
  );
  useTitle(t('people.new.title'));
  if (!allowed) return <NotFoundPage />;
  if (!organisations.data) return organisations.error ? <Failure error={organisations.error} /> : <Loading />;

  const create = async (values: PersonValues) => {
    const person = await call(createPerson, { params: { hostId: me.host.id }, body: personBody(values) });
    announce(t('people.new.created', { name: person.name }), { path: '/people' });
    navigate('/people');
  };

  return (
    <PeopleFormPage title={t('people.new.title')} lead={t('people.new.lead')}>
      <PersonForm
        initial={personValues(undefined, {
          timeZone: me.host.defaultTimeZone,
          language: me.host.defaultLanguage,
        })}
        organisations={organisations.data}
        submitLabel={t('people.new.submit')}
        onSubmit={create}
        extraActions={<Link to="/people">{t('common.cancel')}</Link>}
      />
    </PeopleFormPage>
  );
}
