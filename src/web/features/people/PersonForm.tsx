import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '../../../contract/enums.ts';
import type { Organisation } from '../../../contract/organisations.ts';
import { createPerson, type Person } from '../../../contract/people.ts';
import type { BodyInput } from '../../../contract/route.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';
import { useForm } from '../../ui/use-form.ts';
import { languageOptions, organisationOptions } from './options.ts';

export type PersonValues = {
  name: string;
  email: string;
  organisationId: string;
  jobRole: string;
  timeZone: string;
  language: Language;
};

export function personValues(
  person: Person | undefined,
  defaults: { timeZone: string; language: Language },
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

export const personBody = (v: PersonValues): BodyInput<typeof createPerson> => ({
  name: v.name.trim(),
  email: v.email.trim(),
  organisationId: v.organisationId || null,
  jobRole: v.jobRole.trim(),
  timeZone: v.timeZone,
  language: v.language,
});

/**
 * The fields people type, checked by the contract's rules; the organisation, time zone and language
 * come from lists the server gave.
 */
const typedFields = createPerson.body.pick({ name: true, email: true, jobRole: true });

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
    checkAgainst(typedFields, { name: v.name, email: v.email.trim(), jobRole: v.jobRole }, t, {
      name: t('people.form.name'),
      email: t('people.form.email'),
      jobRole: t('people.form.jobRole'),
    });
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
