import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { signIn } from '../../../contract/accounts.ts';
import type { signInOptions } from '../../../contract/security.ts';
import { call, routeRef, useRoute } from '../../api/call.ts';
import { isProblem, ProblemError } from '../../api/client.ts';
import { safeNext } from '../../app/guards.tsx';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainstLater } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';
import { AuthCard } from './AuthCard.tsx';
import { SingleSignOn, ssoErrorMessage } from './SingleSignOn.tsx';
import { TwoFactorStep } from './TwoFactorStep.tsx';

// The sign-in page is the first download: its routes are named, its schema fetched on submit (see routeRef).
const signInRoute = routeRef<typeof signIn>('POST', '/api/auth/sign-in/email');
const optionsRoute = routeRef<typeof signInOptions>('GET', '/api/sign-in-options');
const signInBody = () => import('../../../contract/accounts.ts').then((m) => m.signIn.body);

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm('sign-in', { email: '', password: '' });
  const [secondFactor, setSecondFactor] = useState(false);
  const providers = useRoute(optionsRoute, {});
  useTitle(secondFactor ? t('signIn.twoFactor.title') : t('signIn.title'));
  const next = safeNext(params.get('next'));
  const ssoError = params.get('error');

  const finish = async () => {
    await session.refresh();
    navigate(next, { replace: true });
  };

  const body = (v: typeof form.values) => ({ email: v.email.trim(), password: v.password });
  const validate = (v: typeof form.values) =>
    checkAgainstLater(signInBody, body(v), t, { email: t('signIn.email'), password: t('signIn.password') });

  const submit = async (v: typeof form.values) => {
    let answer: { twoFactorRedirect?: boolean | undefined };
    try {
      answer = await call(signInRoute, { body: body(v) });
    } catch (error) {
      if (isProblem(error) && error.status === 401) {
        throw new ProblemError({ status: 401, code: error.code, detail: t('signIn.wrongPassword') });
      }
      throw error;
    }
    if (answer?.twoFactorRedirect) {
      setSecondFactor(true);
      return;
    }
    await finish();
  };

  if (secondFactor) {
    return (
      <AuthCard title={t('signIn.twoFactor.title')} lead={t('signIn.twoFactor.lead')}>
        <TwoFactorStep onDone={finish} onRestart={() => setSecondFactor(false)} />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('signIn.title')} lead={t('signIn.lead')}>
      {ssoError ? (
        <div className="callout callout--warning" role="alert">
          <p>{ssoErrorMessage(t, ssoError)}</p>
        </div>
      ) : null}
      <form noValidate onSubmit={form.handleSubmit(submit, validate)}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <TextField
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          {...form.field('email')}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
        />
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('signIn.submitting')}>
            {t('signIn.submit')}
          </Button>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </div>
      </form>
      {providers.data && providers.data.providers.length > 0 ? (
        <SingleSignOn providers={providers.data.providers} next={next} />
      ) : null}
    </AuthCard>
  );
}
