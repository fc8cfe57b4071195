import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitList } from '../../../domain/enrolment.ts';
import { api, isProblem } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { browserTimeZone, timeZones } from '../../ui/format.ts';
import { useForm } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';
import { AvailabilityGrid } from './AvailabilityGrid.tsx';
import type { ApplyInfo } from './types.ts';

const consentParts = ['groundRules', 'confidentiality', 'dataUse'] as const;

/**
 * The application: who you are (unless signed in or invited), what you bring, practical limits, and the
 * three consents, each shown word for word next to its checkbox.
 */
export function ApplyForm({
  token,
  info,
  askIdentity,
  onApplied,
  onConsentChanged,
}: {
  token: string;
  info: ApplyInfo;
  askIdentity: boolean;
  onApplied(): void;
  /** The consent wording changed since the form opened: fetch the new wording to show. */
  onConsentChanged(): void;
}) {
  const { t } = useTranslation();
  const [availability, setAvailability] = useState<Set<string>>(new Set());
  const initial = {
    name: '',
    email: '',
    organisation: '',
    role: '',
    themes: '',
    languages: 'en',
    timeZone: browserTimeZone(),
    hopes: '',
    mustAvoid: '',
    groundRules: false,
    confidentiality: false,
    dataUse: false,
  };
  const form = useForm('apply', initial, {
    aliases: {
      'consent.groundRules': 'groundRules',
      'consent.confidentiality': 'confidentiality',
      'consent.dataUse': 'dataUse',
    },
  });

  const zoneOptions = useMemo(
    () => timeZones(initial.timeZone).map((z) => ({ value: z, label: z })),
    [initial.timeZone],
  );

  const validate = (v: typeof initial) => {
    const c = checks(t);
    if (askIdentity)
      c.required('name', v.name, t('apply.form.name'))
        .required('email', v.email, t('apply.form.email'))
        .email('email', v.email);
    c.required('organisation', v.organisation, t('apply.form.organisation'))
      .required('role', v.role, t('apply.form.role'))
      .check('languages', splitList(v.languages).length === 0, t('apply.form.languagesRequired'));
    for (const part of consentParts) c.check(part, !v[part], t(`apply.consent.required.${part}`));
    return c.errors;
  };

  const submit = async (v: typeof initial) => {
    await post(v).catch((error: unknown) => {
      if (
        isProblem(error) &&
        error.status === 409 &&
        error.errors.some((e) => e.field === 'consent.version')
      ) {
        // New wording: untick the consents so nobody agrees to text they have not read.
        for (const part of consentParts) form.set(part, false);
        onConsentChanged();
      }
      throw error;
    });
    onApplied();
  };

  const post = (v: typeof initial) =>
    api.post(`/api/apply/${encodeURIComponent(token)}`, {
      ...(askIdentity ? { name: v.name.trim(), email: v.email.trim() } : {}),
      organisation: v.organisation.trim(),
      role: v.role.trim(),
      themes: splitList(v.themes),
      languages: splitList(v.languages),
      timeZone: v.timeZone,
      availability: [...availability],
      hopes: v.hopes.trim(),
      mustAvoid: splitList(v.mustAvoid),
      consent: {
        version: info.consent.version,
        groundRules: v.groundRules,
        confidentiality: v.confidentiality,
        dataUse: v.dataUse,
      },
    });

  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(submit, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <fieldset className="fieldset">
        <legend>{t('apply.form.about')}</legend>
        {askIdentity ? (
          <div className="field-row">
            <TextField label={t('apply.form.name')} autoComplete="name" {...form.field('name')} />
            <TextField
              label={t('apply.form.email')}
              type="email"
              autoComplete="email"
              {...form.field('email')}
            />
          </div>
        ) : null}
        <div className="field-row">
          <TextField
            label={t('apply.form.organisation')}
            autoComplete="organization"
            {...form.field('organisation')}
          />
          <TextField label={t('apply.form.role')} autoComplete="organization-title" {...form.field('role')} />
        </div>
        <TextField
          label={t('apply.form.themes')}
          hint={t('apply.form.themesHint')}
          optional
          {...form.field('themes')}
        />
        <TextAreaField
          label={t('apply.form.hopes')}
          hint={t('apply.form.hopesHint')}
          optional
          {...form.field('hopes')}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('apply.form.practical')}</legend>
        <div className="field-row">
          <TextField
            label={t('apply.form.languages')}
            hint={t('apply.form.languagesHint')}
            {...form.field('languages')}
          />
          <SelectField label={t('apply.form.timeZone')} options={zoneOptions} {...form.field('timeZone')} />
        </div>
        <AvailabilityGrid value={availability} onChange={setAvailability} />
        <TextField
          label={t('apply.form.mustAvoid')}
          hint={t('apply.form.mustAvoidHint')}
          optional
          {...form.field('mustAvoid')}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('apply.consent.title')}</legend>
        <p className="field__hint">{t('apply.consent.lead', { version: info.consent.version })}</p>
        {consentParts.map((part) => (
          <div key={part}>
            <h3>{t(`apply.consent.heading.${part}`)}</h3>
            <p className="consent-text" id={`consent-${part}`}>
              {info.consent[part]}
            </p>
            <CheckboxField label={t(`apply.consent.agree.${part}`)} {...form.checkbox(part)} />
          </div>
        ))}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('apply.submitting')}>
          {t('apply.submit')}
        </Button>
      </div>
    </form>
  );
}
