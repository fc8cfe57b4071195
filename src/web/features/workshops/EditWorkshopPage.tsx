import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { listProgrammeConcerns } from '../../../contract/concerns.ts';
import { listPeople } from '../../../contract/people.ts';
import { getProgramme } from '../../../contract/programmes.ts';
import { getWorkshop, updateWorkshop } from '../../../contract/workshops.ts';
import { call, useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { WorkshopForm } from './WorkshopForm.tsx';
import { updateBody, workshopValues } from './workshop-form.ts';

/** /workshops/:workshopId/edit: the coordinator changes a workshop still to come. */
export function EditWorkshopPage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const navigate = useNavigate();
  const workshop = useRoute(getWorkshop, { params: { id: workshopId } });
  const programmeId = workshop.data?.programmeId;
  const programme = useRoute(getProgramme, programmeId ? { params: { id: programmeId } } : null);
  const concerns = useRoute(listProgrammeConcerns, programmeId ? { params: { programmeId } } : null);
  const people = useRoute(
    listPeople,
    programme.data ? { params: { hostId: programme.data.hostId }, query: {} } : null,
  );
  useTitle(t('workshops.edit.title'));
  const error = workshop.error ?? programme.error ?? concerns.error ?? people.error;
  if (error) return <Failure error={error} retry={workshop.reload} />;
  if (!workshop.data || !concerns.data || !people.data) return <Loading />;
  const w = workshop.data;
  const page = `/workshops/${w.id}`;
  return (
    <section className="page page--narrow">
      <Breadcrumbs fromHome trail={[{ to: page, label: w.title }]} current={t('workshops.edit.title')} />
      <PageHeader title={t('workshops.edit.title')} lead={t('workshops.edit.lead')} />
      <WorkshopForm
        editing
        initial={workshopValues(w.timeZone, w)}
        initialThemes={w.themes.map((x) => x.id)}
        themes={concerns.data.themes}
        people={people.data}
        submitLabel={t('workshops.edit.submit')}
        onSubmit={async (v, themeIds) => {
          await call(updateWorkshop, { params: { id: w.id }, body: updateBody(v, themeIds) });
          navigate(page);
        }}
        extraActions={<Link to={page}>{t('common.cancel')}</Link>}
      />
    </section>
  );
}
