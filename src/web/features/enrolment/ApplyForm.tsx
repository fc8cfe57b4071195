import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplyInfo, submitApplication } from '../../../contract/enrolment.ts';
import { splitList } from '../../../domain/enrolment.ts';
import { call } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { browserTimeZone, timeZones } from '../../ui/format.ts';
import { type FieldErrors, useForm } from '../../ui/use-form.ts';
import { AvailabilityGrid } from './AvailabilityGrid.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';

const consentParts = ['groundRules', 'confidentiality', 'dataUse'] as const;

/** The form's fields in the order they are shown, so the error summary lists problems in that order. */
const fieldOrder = [
  'name',
  'email',
  'organisation',
  'role',
  'themes',
  'hopes',
  'languages',
  'timeZone',
  'availability',
  'mustAvoid',
  ...consentParts,
];

/** The form field a problem of the body belongs to: "consent.dataUse" to "dataUse", "themes.2" to "themes". */
const fieldOf = (path: string) =>
  path.startsWith('consent.') ? path.slice('consent.'.length) : path.split('.')[0]!;

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
    otherLanguages: '',
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

  const bodyOf = (v: typeof initial) => ({
    ...(askIdentity ? { name: v.name.trim(), email: v.email.trim() } : {}),
    organisation: v.organisation.trim(),
    role: v.role.trim(),
    themes: splitList(v.themes),
    languages: [...new Set([...splitList(v.languages), ...splitList(v.otherLanguages)])],
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

  const validate = (v: typeof initial) => {
    const body = bodyOf(v);
    const found = checkAgainst(
      submitApplication.body,
      body,
      t,
      {
        name: t('apply.form.name'),
        email: t('apply.form.email'),
        organisation: t('apply.form.organisation'),
        role: t('apply.form.role'),
        themes: t('apply.form.themes'),
        hopes: t('apply.form.hopes'),
        languages: t('apply.form.languages'),
        timeZone: t('apply.form.timeZone'),
        availability: t('apply.form.availability'),
        mustAvoid: t('apply.form.mustAvoid'),
      },
      {
        ...(body.languages.length === 0 ? { languages: t('apply.form.languagesChoose') } : {}),
        ...Object.fromEntries(
          consentParts.map((part) => [`consent.${part}`, t(`apply.consent.required.${part}`)]),
        ),
      },
    );
    // Asked of the form only: the server takes an empty role (an import may have none).
    if (!body.role) found.role ??= t('forms.required', { label: t('apply.form.role') });
    const errors: FieldErrors = {};
    for (const [path, message] of Object.entries(found)) errors[fieldOf(path)] ??= message;
    return Object.fromEntries(
      Object.entries(errors).sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b)),
    );
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

  // Sent only once `validate` found nothing, so the body is one the route's schema accepts.
  const post = (v: typeof initial) =>
    call(submitApplication, { params: { token }, body: submitApplication.body.parse(bodyOf(v)) });

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
          <SelectField label={t('apply.form.timeZone')} options={zoneOptions} {...form.field('timeZone')} />
        </div>
        <LanguagePicker
          id={form.idFor('languages')}
          selected={splitList(form.values.languages)}
          onChange={(next) => form.set('languages', next.join(', '))}
          other={form.values.otherLanguages}
          onOtherChange={(next) => form.set('otherLanguages', next)}
          error={form.errors.languages}
        />
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
