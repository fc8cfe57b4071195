import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createProgramme } from '../../../contract/programmes.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ProgrammeForm, type ProgrammeValues, programmeBody, programmeValues } from './ProgrammeForm.tsx';

export function NewProgrammePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const announce = useAnnounce();
  useTitle(t('programme.new.title'));
  if (!me.abilities['programme.create']) return <NotFoundPage />;

  const create = async (values: ProgrammeValues) => {
    const created = await call(createProgramme, {
      params: { hostId: me.host.id },
      body: programmeBody(values),
    });
    const path = `/programmes/${created.id}`;
    announce(t('programme.new.created', { name: created.name }), { path });
    navigate(path);
  };

  return (
    <section className="page page--form">
      <PageHeader title={t('programme.new.title')} lead={t('programme.new.lead')} />
      <div className="card">
        <ProgrammeForm
          initial={programmeValues()}
          schema={createProgramme.body}
          submitLabel={t('programme.new.submit')}
          busyLabel={t('common.saving')}
          onSubmit={create}
          extraActions={<Link to="/">{t('common.cancel')}</Link>}
        />
      </div>
    </section>
  );
}
