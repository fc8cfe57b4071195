import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { withdrawFromProgramme } from '../../../contract/enrolment.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useSession } from '../../app/session.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';

/** Taking part is voluntary: a member may leave the programme at any time; their own content stays theirs. */
export function WithdrawSection({ programme }: { programme: { id: string; name: string } }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const session = useSession();
  const withdraw = async () => {
    await call(withdrawFromProgramme, { params: { id: programme.id } });
    announce(t('enrolment.withdraw.done', { name: programme.name }), { path: '/' });
    await session.refresh();
    navigate('/');
  };
  return (
    <section className="section danger-zone" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{t('enrolment.withdraw.title')}</h2>
      <p>{t('enrolment.withdraw.lead')}</p>
      <ConfirmButton
        label={t('enrolment.withdraw.action')}
        title={t('enrolment.withdraw.confirmTitle', { name: programme.name })}
        message={t('enrolment.withdraw.confirmBody')}
        confirmLabel={t('enrolment.withdraw.action')}
        onConfirm={withdraw}
      />
    </section>
  );
}
