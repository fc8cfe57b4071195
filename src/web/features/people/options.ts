import type { TFunction } from 'i18next';
import { languages } from '../../../contract/enums.ts';
import type { Organisation } from '../../../contract/organisations.ts';

/** Language names are written in their own language, so a reader finds theirs whatever the UI says. */
export function languageOptions(t: TFunction) {
  return languages.map((code) => ({ value: code, label: t(`languages.${code}`) }));
}

export function organisationOptions(t: TFunction, organisations: Organisation[]) {
  return [
    { value: '', label: t('people.form.noOrganisation') },
    ...organisations.filter((o) => !o.archived).map((o) => ({ value: o.id, label: o.name })),
  ];
}
