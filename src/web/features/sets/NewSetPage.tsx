import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { getProgramme } from '../../../contract/programmes.ts';
import { createSet } from '../../../contract/sets.ts';
import { call, useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { SetForm, type SetValues, setValues } from './SetForm.tsx';

export function NewSetPage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const programme = useRoute(getProgramme, { params: { id: programmeId } });
  useTitle(t('set.new.title'));

  if (!programme.data) return programme.error ? <Failure error={programme.error} /> : <Loading />;
  const p = programme.data;
  if (!p.abilities['set.create']) return <NotFoundPage />;

  const create = async (values: SetValues) => {
    const created = await call(createSet, { params: { id: p.id }, body: values });
    const path = `/sets/${created.id}`;
    announce(t('set.new.created', { name: created.name }), { path });
    navigate(path);
  };

  return (
    <section className="page page--form">
      <Breadcrumbs trail={[{ to: `/programmes/${p.id}`, label: p.name }]} current={t('set.new.title')} />
      <PageHeader
        title={t('set.new.title')}
        lead={t('set.new.lead', { programme: p.name, min: p.setSize.min, max: p.setSize.max })}
      />
      <div className="card">
        <SetForm
          initial={setValues()}
          schema={createSet.body}
          submitLabel={t('set.new.submit')}
          onSubmit={create}
          extraActions={<Link to={`/programmes/${p.id}`}>{t('common.cancel')}</Link>}
        />
      </div>
    </section>
  );
}
