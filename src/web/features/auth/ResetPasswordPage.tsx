import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { resetPassword } from '../../../contract/accounts.ts';
import { minPasswordLength } from '../../../contract/fields.ts';
import { call } from '../../api/call.ts';
import { isProblem, ProblemError } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';
import { checks } from '../../ui/validate.ts';
import { AuthCard } from './AuthCard.tsx';
import { FormUntilDone } from './FormUntilDone.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSession();
  const token = params.get('token');
  const form = useForm('reset', { newPassword: '', confirm: '' });
  const [done, setDone] = useState(false);
  useTitle(t('resetPassword.title'));

  const body = (v: typeof form.values) => ({ newPassword: v.newPassword, token: token ?? '' });
  // The password's rules are the contract's; that the two are the same is the form's own check.
  const validate = (v: typeof form.values) => ({
    ...checkAgainst(resetPassword.body, body(v), t, { newPassword: t('forms.password') }),
    ...checks(t).same('confirm', v.confirm, v.newPassword).errors,
  });

  const submit = async (v: typeof form.values) => {
    try {
      await call(resetPassword, { body: body(v) });
    } catch (error) {
      if (isProblem(error) && error.status === 400 && error.errors.length === 0) {
        throw new ProblemError({ status: 400, code: error.code, detail: t('resetPassword.badLink') });
      }
      throw error;
    }
    setDone(true);
    // Changing the password signs out every session, including this browser's.
    await session.refresh();
  };

  if (!token) {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <p>{t('resetPassword.noToken')}</p>
        <p>
          <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('resetPassword.title')} lead={done ? undefined : t('resetPassword.lead')}>
      <FormUntilDone
        form={form}
        onSubmit={form.handleSubmit(submit, validate)}
        done={done}
        message={<p>{t('resetPassword.done')}</p>}
        onward={<Link to="/sign-in">{t('resetPassword.signIn')}</Link>}
      >
        <TextField
          label={t('resetPassword.password')}
          hint={t('forms.passwordHint', { min: minPasswordLength })}
          type="password"
          autoComplete="new-password"
          {...form.field('newPassword')}
        />
        <TextField
          label={t('resetPassword.confirm')}
          type="password"
          autoComplete="new-password"
          {...form.field('confirm')}
        />
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('resetPassword.submitting')}>
            {t('resetPassword.submit')}
          </Button>
          <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
        </div>
      </FormUntilDone>
    </AuthCard>
  );
}
