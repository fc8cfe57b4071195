import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { minPasswordLength } from '../../../contract/fields.ts';
import { acceptInvitation, describeInvitation } from '../../../contract/invitations.ts';
import { call, useRoute } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useSession } from '../../app/session.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';
import { checks } from '../../ui/validate.ts';
import { AuthCard } from '../auth/AuthCard.tsx';

function UnusableInvitation({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const gone = isProblem(error) && error.status === 410;
  return (
    <AuthCard title={gone ? t('invitation.goneTitle') : t('invitation.invalidTitle')}>
      <p>{gone && isProblem(error) ? error.detail : t('invitation.invalid')}</p>
      <p>
        <Link to="/sign-in">{t('invitation.signIn')}</Link>
      </p>
    </AuthCard>
  );
}

/** Where an invitation mail leads: the invitee chooses a password, and is signed in. */
export function InvitationPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const invitation = useRoute(describeInvitation, { params: { token } });
  const form = useForm('invitation', { password: '', confirm: '' });
  const gone = isProblem(invitation.error) && invitation.error.status === 410;
  useTitle(
    invitation.data || !invitation.error
      ? t('invitation.title')
      : gone
        ? t('invitation.goneTitle')
        : t('invitation.invalidTitle'),
  );

  if (invitation.loading && !invitation.data) return <Loading />;
  if (!invitation.data) return <UnusableInvitation error={invitation.error} />;
  const info = invitation.data;

  if (session.me && !form.submitting) {
    return (
      <AuthCard title={t('invitation.title')}>
        <p>{t('invitation.signedInAsOther', { name: session.me.person.name, invitee: info.name })}</p>
        <div className="form-actions">
          <Button variant="secondary" onClick={() => void session.signOut()}>
            {t('nav.signOut')}
          </Button>
        </div>
      </AuthCard>
    );
  }

  // The password's rules are the contract's; that the two are the same is the form's own check.
  const validate = (v: typeof form.values) => ({
    ...checkAgainst(acceptInvitation.body, { password: v.password }, t, { password: t('forms.password') }),
    ...checks(t).same('confirm', v.confirm, v.password).errors,
  });

  const submit = async (v: typeof form.values) => {
    await call(acceptInvitation, { params: { token }, body: { password: v.password } });
    announce(t('invitation.welcome', { host: info.hostName }), { path: '/' });
    await session.refresh();
    navigate('/', { replace: true });
  };

  return (
    <AuthCard
      title={t('invitation.heading', { host: info.hostName })}
      lead={t('invitation.lead', { name: info.name, host: info.hostName })}
    >
      <div className="callout callout--info">
        <p>{t('invitation.confidential')}</p>
      </div>
      <form noValidate onSubmit={form.handleSubmit(submit, validate)}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <TextField
          id="invitation-email"
          label={t('invitation.email')}
          hint={t('invitation.emailHint')}
          type="email"
          autoComplete="username"
          value={info.email}
          readOnly
        />
        <TextField
          label={t('invitation.password')}
          hint={t('forms.passwordHint', { min: minPasswordLength })}
          type="password"
          autoComplete="new-password"
          {...form.field('password')}
        />
        <TextField
          label={t('invitation.confirm')}
          type="password"
          autoComplete="new-password"
          {...form.field('confirm')}
        />
        <p className="field__hint">{t('invitation.expires', { date: time.dateTime(info.expiresAt) })}</p>
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('invitation.submitting')}>
            {t('invitation.submit')}
          </Button>
        </div>
      </form>
    </AuthCard>
  );
}
