import { useTranslation } from 'react-i18next';
import { type Person, setHostAdmin, setProgrammeStarter, updatePerson } from '../../../contract/people.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';

/** The host-admin role and archiving: host admins only, never on themselves. */
export function PersonAdmin({ person, onChange }: { person: Person; onChange(p: Person): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();

  const setAdmin = (admin: boolean) => async () => {
    onChange(await call(setHostAdmin, { params: { id: person.id }, body: { admin } }));
    announce(t(admin ? 'person.admin.made' : 'person.admin.removed', { name: person.name }));
  };

  const setStarter = (mayStart: boolean) => async () => {
    onChange(await call(setProgrammeStarter, { params: { id: person.id }, body: { mayStart } }));
    announce(t(mayStart ? 'person.starter.made' : 'person.starter.removed', { name: person.name }));
  };

  const setArchived = (archived: boolean) => async () => {
    onChange(await call(updatePerson, { params: { id: person.id }, body: { archived } }));
    announce(t(archived ? 'person.archive.archived' : 'person.archive.restored', { name: person.name }));
  };

  return (
    <>
      {person.abilities['person.manageHostAdmin'] ? (
        <section className="section" aria-labelledby="admin-heading">
          <h2 id="admin-heading">{t('person.admin.title')}</h2>
          <p>
            {person.hostAdmin
              ? t('person.admin.is', { name: person.name })
              : t('person.admin.isNot', { name: person.name })}
          </p>
          <p className="muted">{t('person.admin.explain')}</p>
          <ConfirmButton
            variant={person.hostAdmin ? 'danger' : 'primary'}
            label={person.hostAdmin ? t('person.admin.remove') : t('person.admin.make')}
            title={t(person.hostAdmin ? 'person.admin.removeTitle' : 'person.admin.makeTitle', {
              name: person.name,
            })}
            message={person.hostAdmin ? t('person.admin.removeBody') : t('person.admin.makeBody')}
            confirmLabel={person.hostAdmin ? t('person.admin.remove') : t('person.admin.make')}
            onConfirm={setAdmin(!person.hostAdmin)}
          />
        </section>
      ) : null}
      {person.abilities['person.manageProgrammeStarter'] ? (
        <section className="section" aria-labelledby="starter-heading">
          <h2 id="starter-heading">{t('person.starter.title')}</h2>
          <p>
            {person.mayStartProgrammes
              ? t('person.starter.is', { name: person.name })
              : t('person.starter.isNot', { name: person.name })}
          </p>
          <p className="muted">{t('person.starter.explain')}</p>
          <ConfirmButton
            variant={person.mayStartProgrammes ? 'danger' : 'primary'}
            label={person.mayStartProgrammes ? t('person.starter.remove') : t('person.starter.make')}
            title={t(person.mayStartProgrammes ? 'person.starter.removeTitle' : 'person.starter.makeTitle', {
              name: person.name,
            })}
            message={
              person.mayStartProgrammes ? t('person.starter.removeBody') : t('person.starter.makeBody')
            }
            confirmLabel={person.mayStartProgrammes ? t('person.starter.remove') : t('person.starter.make')}
            onConfirm={setStarter(!person.mayStartProgrammes)}
          />
        </section>
      ) : null}
      {person.abilities['person.archive'] ? (
        <section className="section danger-zone" aria-labelledby="archive-person">
          <h2 id="archive-person">
            {person.archived ? t('person.archive.restoreTitle') : t('person.archive.title')}
          </h2>
          <p>{person.archived ? t('person.archive.restoreLead') : t('person.archive.lead')}</p>
          <ConfirmButton
            variant={person.archived ? 'primary' : 'danger'}
            label={person.archived ? t('person.archive.restore') : t('person.archive.action')}
            title={t(person.archived ? 'person.archive.confirmRestore' : 'person.archive.confirmTitle', {
              name: person.name,
            })}
            message={person.archived ? t('person.archive.restoreBody') : t('person.archive.confirmBody')}
            confirmLabel={person.archived ? t('person.archive.restore') : t('person.archive.action')}
            onConfirm={setArchived(!person.archived)}
          />
        </section>
      ) : null}
    </>
  );
}
