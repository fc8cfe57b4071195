import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../../contract/accounts.ts';
import { call } from '../../api/call.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';
import { AuthCard } from './AuthCard.tsx';
import { FormUntilDone } from './FormUntilDone.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm('forgot', { email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  useTitle(t('forgotPassword.title'));

  const body = (v: typeof form.values) => ({ email: v.email.trim(), redirectTo: '/reset-password' });
  const validate = (v: typeof form.values) =>
    checkAgainst(requestPasswordReset.body, body(v), t, { email: t('forgotPassword.email') });

  const submit = async (v: typeof form.values) => {
    await call(requestPasswordReset, { body: body(v) });
    setSentTo(v.email.trim());
  };

  return (
    <AuthCard title={t('forgotPassword.title')} lead={sentTo ? undefined : t('forgotPassword.lead')}>
      <FormUntilDone
        form={form}
        onSubmit={form.handleSubmit(submit, validate)}
        done={sentTo !== null}
        message={
          <>
            <p>{t('forgotPassword.sent', { email: sentTo })}</p>
            <p>{t('forgotPassword.sentHelp')}</p>
          </>
        }
        onward={<Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>}
      >
        <TextField
          label={t('forgotPassword.email')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          {...form.field('email')}
        />
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('forgotPassword.submitting')}>
            {t('forgotPassword.submit')}
          </Button>
          <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
        </div>
      </FormUntilDone>
    </AuthCard>
  );
}
