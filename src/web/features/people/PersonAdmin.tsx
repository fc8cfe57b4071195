import { useTranslation } from 'react-i18next';
import { type Person, setHostAdmin, setProgrammeStarter, updatePerson } from '../../../contract/people.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { ArchiveSection } from '../../ui/ArchiveSection.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';

/** The wording of a role's section: the catalogue groups person.admin and person.starter have each. */
type RoleText =
  | 'title'
  | 'is'
  | 'isNot'
  | 'explain'
  | 'make'
  | 'makeTitle'
  | 'makeBody'
  | 'remove'
  | 'removeTitle'
  | 'removeBody';

/** Whether the person holds a role, what it means, and the button that gives it or takes it away. */
function RoleSection({
  headingId,
  held,
  text,
  onConfirm,
}: {
  headingId: string;
  held: boolean;
  text(key: RoleText): string;
  onConfirm(): Promise<void>;
}) {
  const action = held ? text('remove') : text('make');
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{text('title')}</h2>
      <p>{held ? text('is') : text('isNot')}</p>
      <p className="muted">{text('explain')}</p>
      <ConfirmButton
        variant={held ? 'danger' : 'primary'}
        label={action}
        title={held ? text('removeTitle') : text('makeTitle')}
        message={held ? text('removeBody') : text('makeBody')}
        confirmLabel={action}
        onConfirm={onConfirm}
      />
    </section>
  );
}

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
        <RoleSection
          headingId="admin-heading"
          held={person.hostAdmin ?? false}
          text={(key) => t(`person.admin.${key}`, { name: person.name })}
          onConfirm={setAdmin(!person.hostAdmin)}
        />
      ) : null}
      {person.abilities['person.manageProgrammeStarter'] ? (
        <RoleSection
          headingId="starter-heading"
          held={person.mayStartProgrammes ?? false}
          text={(key) => t(`person.starter.${key}`, { name: person.name })}
          onConfirm={setStarter(!person.mayStartProgrammes)}
        />
      ) : null}
      {person.abilities['person.archive'] ? (
        <ArchiveSection
          headingId="archive-person"
          archived={person.archived}
          text={(key) => t(`person.archive.${key}`, { name: person.name })}
          onConfirm={setArchived(!person.archived)}
        />
      ) : null}
    </>
  );
}
