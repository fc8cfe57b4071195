import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation, Person } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import { useForm } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';
import { languageOptions, organisationOptions } from './options.ts';

export type PersonValues = {
  name: string;
  email: string;
  organisationId: string;
  jobRole: string;
  timeZone: string;
  language: string;
};

export function personValues(
  person: Person | undefined,
  defaults: { timeZone: string; language: string },
): PersonValues {
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    organisationId: person?.organisation?.id ?? '',
    jobRole: person?.jobRole ?? '',
    timeZone: person?.timeZone ?? defaults.timeZone,
    language: person?.language ?? defaults.language,
  };
}

export const personBody = (v: PersonValues, withEmail = true) => ({
  name: v.name.trim(),
  ...(withEmail ? { email: v.email.trim() } : {}),
  organisationId: v.organisationId || null,
  jobRole: v.jobRole.trim(),
  timeZone: v.timeZone,
  language: v.language,
});

interface Props {
  initial: PersonValues;
  organisations: Organisation[];
  submitLabel: string;
  /** People with an account keep their address: only they may change it. */
  emailLocked?: boolean;
  onSubmit(values: PersonValues): Promise<void>;
  extraActions?: ReactNode;
}

export function PersonForm({
  initial,
  organisations,
  submitLabel,
  emailLocked,
  onSubmit,
  extraActions,
}: Props) {
  const { t } = useTranslation();
  const form = useForm('person', initial);
  const validate = (v: PersonValues) =>
    checks(t)
      .required('name', v.name, t('people.form.name'))
      .required('email', v.email, t('people.form.email'))
      .email('email', v.email).errors;
  const hasOrganisations = organisations.some((o) => !o.archived);

  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(onSubmit, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField label={t('people.form.name')} autoComplete="off" {...form.field('name')} />
      <TextField
        label={t('people.form.email')}
        hint={emailLocked ? t('people.form.emailLocked') : t('people.form.emailHint')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        readOnly={emailLocked}
        {...form.field('email')}
      />
      <SelectField
        label={t('people.form.organisation')}
        hint={
          hasOrganisations ? (
            t('people.form.organisationHint')
          ) : (
            <>
              {t('people.form.noOrganisationsYet')}{' '}
              <Link to="/organisations">{t('people.form.addOrganisations')}</Link>
            </>
          )
        }
        optional
        options={organisationOptions(t, organisations)}
        {...form.field('organisationId')}
      />
      <TextField
        label={t('people.form.jobRole')}
        hint={t('people.form.jobRoleHint')}
        optional
        {...form.field('jobRole')}
      />
      <div className="field-row">
        <SelectField
          label={t('people.form.timeZone')}
          options={timeZones(form.values.timeZone).map((z) => ({ value: z, label: z }))}
          {...form.field('timeZone')}
        />
        <SelectField
          label={t('people.form.language')}
          hint={t('people.form.languageHint')}
          options={languageOptions(t)}
          {...form.field('language')}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
