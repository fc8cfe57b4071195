import { useTranslation } from 'react-i18next';
import { type LearningSet, updateSet } from '../../../contract/sets.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { ArchiveSection } from '../../ui/ArchiveSection.tsx';
import { SetForm, type SetValues, setValues } from './SetForm.tsx';

/** Rename, theme, mode, archive and restore: for those who run the programme. */
export function SetSettings({ set, onChange }: { set: LearningSet; onChange(set: LearningSet): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();

  const save = async (values: SetValues) => {
    onChange(await call(updateSet, { params: { id: set.id }, body: values }));
    announce(t('set.settings.saved'));
  };

  const archive = (archived: boolean) => async () => {
    onChange(await call(updateSet, { params: { id: set.id }, body: { archived } }));
    announce(t(archived ? 'set.archive.archived' : 'set.archive.restored', { name: set.name }));
  };

  return (
    <>
      {set.abilities['set.update'] && !set.archived ? (
        <section className="section" aria-labelledby="set-details">
          <h2 id="set-details">{t('set.settings.title')}</h2>
          <div className="card">
            <SetForm
              key={`${set.id}:${set.name}:${set.mode}`}
              initial={setValues(set)}
              schema={updateSet.body}
              submitLabel={t('common.saveChanges')}
              onSubmit={save}
            />
          </div>
        </section>
      ) : null}
      {set.abilities['set.archive'] ? (
        <ArchiveSection
          headingId="set-archive"
          archived={set.archived}
          text={(key) => t(`set.archive.${key}`, { name: set.name })}
          onConfirm={archive(!set.archived)}
        />
      ) : null}
    </>
  );
}
