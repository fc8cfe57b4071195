import { useTranslation } from 'react-i18next';
import { closeProgramme } from '../../../contract/closing.ts';
import type { Programme } from '../../../contract/programmes.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';

/** "Close programme", with a confirmation saying what closing does: for those who run a running programme. */
export function CloseProgrammeSection({
  programme,
  onChange,
}: {
  programme: Programme;
  onChange(p: Programme): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  if (!programme.abilities['programme.close'] || programme.status !== 'running') return null;
  const close = async () => {
    onChange(await call(closeProgramme, { params: { id: programme.id } }));
    announce(t('closing.close.done', { name: programme.name }));
  };
  return (
    <section className="section danger-zone" aria-labelledby="close-heading">
      <h2 id="close-heading">{t('closing.close.title')}</h2>
      <p>{t('closing.close.lead')}</p>
      <ConfirmButton
        label={t('closing.close.action')}
        title={t('closing.close.confirmTitle', { name: programme.name })}
        message={
          <>
            <p>{t('closing.close.confirmFreeze')}</p>
            <p>{t('closing.close.confirmKeep')}</p>
            <p>{t('closing.close.confirmRetention')}</p>
          </>
        }
        confirmLabel={t('closing.close.action')}
        onConfirm={close}
      />
    </section>
  );
}
