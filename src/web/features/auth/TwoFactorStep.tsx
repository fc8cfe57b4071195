import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { verifyBackupCode, verifyTotp } from '../../../contract/security.ts';
import { call, routeRef } from '../../api/call.ts';
import { isProblem, ProblemError } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainstLater } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

// Part of the sign-in page's first download: routes named, schemas fetched on submit (see routeRef).
const totpRoute = routeRef<typeof verifyTotp>('POST', '/api/auth/two-factor/verify-totp');
const backupRoute = routeRef<typeof verifyBackupCode>('POST', '/api/auth/two-factor/verify-backup-code');
const security = () => import('../../../contract/security.ts');

/** The second step of signing in: a code from the authenticator app, or one of the recovery codes. */
export function TwoFactorStep({ onDone, onRestart }: { onDone(): Promise<void>; onRestart(): void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const form = useForm('two-factor', { code: '' });

  const validate = (v: typeof form.values) =>
    recovery
      ? checkAgainstLater(() => security().then((m) => m.verifyBackupCode.body), { code: v.code }, t, {
          code: t('signIn.twoFactor.recoveryCode'),
        })
      : checkAgainstLater(() => security().then((m) => m.verifyTotp.body), { code: v.code }, t, {
          code: t('signIn.twoFactor.code'),
        });

  const submit = async (v: typeof form.values) => {
    try {
      if (recovery) await call(backupRoute, { body: { code: v.code.trim() } });
      else await call(totpRoute, { body: { code: v.code.trim() } });
    } catch (error) {
      if (isProblem(error) && error.status === 401) {
        throw new ProblemError({
          status: 401,
          code: error.code,
          detail: recovery ? t('signIn.twoFactor.wrongRecoveryCode') : t('signIn.twoFactor.wrongCode'),
        });
      }
      throw error;
    }
    await onDone();
  };

  return (
    <form noValidate onSubmit={form.handleSubmit(submit, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      {recovery ? (
        <TextField
          label={t('signIn.twoFactor.recoveryCode')}
          hint={t('signIn.twoFactor.recoveryHint')}
          autoComplete="off"
          spellCheck={false}
          {...form.field('code')}
        />
      ) : (
        <TextField
          label={t('signIn.twoFactor.code')}
          hint={t('signIn.twoFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          {...form.field('code')}
        />
      )}
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('signIn.submitting')}>
          {t('signIn.twoFactor.submit')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setRecovery(!recovery);
            form.reset({ code: '' });
          }}
        >
          {recovery ? t('signIn.twoFactor.useApp') : t('signIn.twoFactor.useRecovery')}
        </Button>
        <Button variant="secondary" onClick={onRestart}>
          {t('signIn.twoFactor.restart')}
        </Button>
      </div>
    </form>
  );
}
