import { useTranslation } from 'react-i18next';

/**
 * Languages an applicant may work in, offered by name (in the reader's language), most spoken in
 * international civil society first. Others are typed by name under "Other languages".
 */
export const workingLanguages = [
  'en',
  'fr',
  'es',
  'ar',
  'pt',
  'de',
  'it',
  'nl',
  'pl',
  'ro',
  'ru',
  'uk',
  'tr',
  'fa',
  'ur',
  'hi',
  'bn',
  'zh',
  'ja',
  'ko',
  'id',
  'sw',
  'am',
  'so',
  'ha',
  'yo',
] as const;

/** A language's name in `locale` ("fr" -> "French"), or the code itself where the browser has no name. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A group of checkboxes, one per language by name, with an optional free field for any other. */
export function LanguagePicker({
  id,
  selected,
  onChange,
  other,
  onOtherChange,
  error,
}: {
  id: string;
  selected: readonly string[];
  onChange(next: string[]): void;
  other: string;
  onOtherChange(next: string): void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const options = workingLanguages
    .map((code) => ({ code, name: languageName(code, i18n.language) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...selected, code] : selected.filter((c) => c !== code));
  return (
    <fieldset
      className={error ? 'fieldset language-picker field--error' : 'fieldset language-picker'}
      id={id}
      aria-describedby={error ? `${id}-error` : `${id}-hint`}
    >
      <legend>{t('apply.form.languages')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('apply.form.languagesPickHint')}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('forms.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <ul className="language-picker__list">
        {options.map(({ code, name }) => (
          <li key={code}>
            <label className="checkbox-label">
              <input
                type="checkbox"
                className="checkbox"
                lang={code}
                checked={selected.includes(code)}
                onChange={(e) => toggle(code, e.target.checked)}
              />{' '}
              <span>{name}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-other`}>
          {t('apply.form.otherLanguages')}
          <span className="field__optional"> {t('forms.optional')}</span>
        </label>
        <p className="field__hint" id={`${id}-other-hint`}>
          {t('apply.form.otherLanguagesHint')}
        </p>
        <input
          id={`${id}-other`}
          type="text"
          className="input"
          aria-describedby={`${id}-other-hint`}
          value={other}
          onChange={(e) => onOtherChange(e.target.value)}
        />
      </div>
    </fieldset>
  );
}
