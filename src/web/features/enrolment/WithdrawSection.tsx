import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { withdrawFromProgramme } from '../../../contract/enrolment.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useSession } from '../../app/session.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';

/**
 * Taking part is voluntary: a member may leave the programme at any time; their own content stays theirs.
 * A facilitator does not "leave as a member": they step down from facilitating the programme's sets.
 */
export function WithdrawSection({
  programme,
  setRole = 'member',
}: {
  programme: { id: string; name: string };
  setRole?: 'member' | 'facilitator';
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const session = useSession();
  const withdraw = async () => {
    await call(withdrawFromProgramme, { params: { id: programme.id } });
    announce(t(`${keys}.done`, { name: programme.name }), { path: '/' });
    await session.refresh();
    navigate('/');
  };
  const keys = setRole === 'facilitator' ? 'enrolment.stepDown' : 'enrolment.withdraw';
  return (
    <section className="section danger-zone" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{t(`${keys}.title`)}</h2>
      <p>{t(`${keys}.lead`)}</p>
      <ConfirmButton
        label={t(`${keys}.action`)}
        title={t(`${keys}.confirmTitle`, { name: programme.name })}
        message={t(`${keys}.confirmBody`)}
        confirmLabel={t(`${keys}.action`)}
        onConfirm={withdraw}
      />
    </section>
  );
}
