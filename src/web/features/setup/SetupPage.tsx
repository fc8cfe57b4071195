import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { Language } from '../../../contract/enums.ts';
import { minPasswordLength } from '../../../contract/fields.ts';
import { runSetup } from '../../../contract/setup.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { browserTimeZone, timeZones } from '../../ui/format.ts';
import { Loading } from '../../ui/Spinner.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';
import { checks } from '../../ui/validate.ts';
import { AuthCard } from '../auth/AuthCard.tsx';
import { languageOptions } from '../people/options.ts';

/** First run: on an empty installation, create the host and its first admin (who is then signed in). */
export function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const form = useForm('setup', {
    hostName: '',
    timeZone: browserTimeZone(),
    language: 'en' as Language,
    adminName: '',
    email: '',
    password: '',
    confirm: '',
  });
  useTitle(t('setup.title'));

  if (!session.ready) return <Loading />;
  if (!session.needsSetup && !form.submitting) return <Navigate to="/" replace />;

  const body = (v: typeof form.values) => ({
    hostName: v.hostName.trim(),
    adminName: v.adminName.trim(),
    email: v.email.trim(),
    password: v.password,
    timeZone: v.timeZone,
    language: v.language,
  });
  // The fields' rules are the contract's; that the two passwords are the same is the form's own check.
  const validate = (v: typeof form.values) => ({
    ...checkAgainst(runSetup.body, body(v), t, {
      hostName: t('setup.hostName'),
      timeZone: t('setup.timeZone'),
      language: t('setup.language'),
      adminName: t('setup.adminName'),
      email: t('setup.email'),
      password: t('forms.password'),
    }),
    ...checks(t).same('confirm', v.confirm, v.password).errors,
  });

  const submit = async (v: typeof form.values) => {
    await call(runSetup, { body: body(v) });
    announce(t('setup.done', { host: v.hostName.trim() }), { path: '/' });
    await session.refresh();
    navigate('/', { replace: true });
  };

  return (
    <AuthCard title={t('setup.title')} lead={t('setup.lead')} wide>
      <form noValidate onSubmit={form.handleSubmit(submit, validate)}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <fieldset className="fieldset">
          <legend>{t('setup.hostSection')}</legend>
          <TextField
            label={t('setup.hostName')}
            hint={t('setup.hostNameHint')}
            autoComplete="organization"
            {...form.field('hostName')}
          />
          <SelectField
            label={t('setup.timeZone')}
            hint={t('setup.timeZoneHint')}
            options={timeZones(form.values.timeZone).map((zone) => ({ value: zone, label: zone }))}
            {...form.field('timeZone')}
          />
          <SelectField label={t('setup.language')} options={languageOptions(t)} {...form.field('language')} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('setup.adminSection')}</legend>
          <p className="field__hint">{t('setup.adminHint')}</p>
          <TextField label={t('setup.adminName')} autoComplete="name" {...form.field('adminName')} />
          <TextField
            label={t('setup.email')}
            type="email"
            autoComplete="email"
            spellCheck={false}
            {...form.field('email')}
          />
          <TextField
            label={t('setup.password')}
            hint={t('forms.passwordHint', { min: minPasswordLength })}
            type="password"
            autoComplete="new-password"
            {...form.field('password')}
          />
          <TextField
            label={t('setup.confirm')}
            type="password"
            autoComplete="new-password"
            {...form.field('confirm')}
          />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('setup.submitting')}>
            {t('setup.submit')}
          </Button>
        </div>
      </form>
    </AuthCard>
  );
}
