import { useTranslation } from 'react-i18next';
import { type Programme, updateProgramme } from '../../../contract/programmes.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';

/** An archived programme says so at the top, with a way back for those allowed. */
export function ArchivedBanner({
  programme,
  onChange,
}: {
  programme: Programme;
  onChange(p: Programme): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const restore = async () => {
    onChange(await call(updateProgramme, { params: { id: programme.id }, body: { archived: false } }));
    announce(t('programme.archive.restored', { name: programme.name }));
  };
  return (
    <div className="callout callout--neutral callout--row">
      <p>{t('programme.archive.banner')}</p>
      {programme.abilities['programme.archive'] ? (
        <ConfirmButton
          variant="primary"
          small
          label={t('programme.archive.restore')}
          title={t('programme.archive.restoreTitle', { name: programme.name })}
          message={t('programme.archive.restoreBody')}
          confirmLabel={t('programme.archive.restore')}
          onConfirm={restore}
        />
      ) : null}
    </div>
  );
}
