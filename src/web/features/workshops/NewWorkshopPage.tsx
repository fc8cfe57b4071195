import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listProgrammeConcerns } from '../../../contract/concerns.ts';
import { listPeople } from '../../../contract/people.ts';
import { createWorkshop } from '../../../contract/workshops.ts';
import { call, useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { useMe } from '../../app/session.tsx';
import { browserTimeZone } from '../../ui/format.ts';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { WorkshopForm } from './WorkshopForm.tsx';
import { createBody, workshopValues } from './workshop-form.ts';

/** /programmes/:programmeId/workshops/new: the coordinator plans a workshop for the whole programme. */
export function NewWorkshopPage() {
  const { t } = useTranslation();
  const { programme } = useProgramme();
  const me = useMe();
  const navigate = useNavigate();
  useTitle(t('programme.tabTitle', { tab: t('workshops.new.title'), name: programme.name }));
  const concerns = useRoute(listProgrammeConcerns, { params: { programmeId: programme.id } });
  const people = useRoute(listPeople, { params: { hostId: programme.hostId }, query: {} });
  const back = `/programmes/${programme.id}/workshops`;
  if (!programme.abilities['workshop.create'])
    return (
      <p>
        {t('workshops.new.notAllowed')} <Link to={back}>{t('workshops.back')}</Link>
      </p>
    );
  if (!concerns.data || !people.data) {
    const error = concerns.error ?? people.error;
    return error ? (
      <Failure error={error} retry={concerns.error ? concerns.reload : people.reload} />
    ) : (
      <Loading />
    );
  }
  return (
    <section aria-labelledby="new-workshop-heading">
      <h2 id="new-workshop-heading">{t('workshops.new.title')}</h2>
      <p className="muted">{t('workshops.new.lead')}</p>
      <WorkshopForm
        initial={workshopValues(me.person.timeZone || browserTimeZone())}
        initialThemes={[]}
        themes={concerns.data.themes}
        people={people.data}
        submitLabel={t('workshops.new.submit')}
        onSubmit={async (v, themeIds) => {
          const created = await call(createWorkshop, {
            params: { id: programme.id },
            body: createBody(v, themeIds),
          });
          navigate(`/workshops/${created.id}`);
        }}
        extraActions={<Link to={back}>{t('common.cancel')}</Link>}
      />
    </section>
  );
}
