import { useTranslation } from 'react-i18next';
import { updateProgramme } from '../../../contract/programmes.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CloseProgrammeSection } from '../closing/CloseProgrammeSection.tsx';
import { CoordinatorsPanel } from './CoordinatorsPanel.tsx';
import { useProgramme } from './context.ts';
import { ProgrammeForm, type ProgrammeValues, programmeBody, programmeValues } from './ProgrammeForm.tsx';

/** Details, coordinators and archiving: for host admins and the programme's coordinators. */
export function ProgrammeSettingsTab() {
  const { t } = useTranslation();
  const { programme, setProgramme, reloadSets } = useProgramme();
  const announce = useAnnounce();
  useTitle(t('programme.tabTitle', { tab: t('programme.tabs.settings'), name: programme.name }));
  if (!programme.abilities['programme.update']) return <NotFoundPage />;

  const save = async (values: ProgrammeValues) => {
    setProgramme(await call(updateProgramme, { params: { id: programme.id }, body: programmeBody(values) }));
    await reloadSets(); // size bounds change the sets' warnings
    announce(t('programme.settings.saved'));
  };

  const archive = async () => {
    setProgramme(await call(updateProgramme, { params: { id: programme.id }, body: { archived: true } }));
    announce(t('programme.archive.archived', { name: programme.name }));
  };

  return (
    <>
      <section className="section" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('programme.settings.details')}</h2>
        <div className="card">
          <ProgrammeForm
            key={programme.id}
            initial={programmeValues(programme)}
            schema={updateProgramme.body}
            submitLabel={t('common.saveChanges')}
            busyLabel={t('common.saving')}
            onSubmit={save}
          />
        </div>
      </section>
      <CoordinatorsPanel programme={programme} onChange={setProgramme} />
      <CloseProgrammeSection programme={programme} onChange={setProgramme} />
      {programme.abilities['programme.archive'] && !programme.archived ? (
        <section className="section danger-zone" aria-labelledby="archive-heading">
          <h2 id="archive-heading">{t('programme.archive.title')}</h2>
          <p>{t('programme.archive.lead')}</p>
          <ConfirmButton
            label={t('programme.archive.action')}
            title={t('programme.archive.confirmTitle', { name: programme.name })}
            message={t('programme.archive.confirmBody')}
            confirmLabel={t('programme.archive.action')}
            onConfirm={archive}
          />
        </section>
      ) : null}
    </>
  );
}
