import type { TFunction } from 'i18next';
import type { FieldErrors } from './use-form.ts';

/**
 * Checks of a form's own making that no route's schema holds (a repeated password, a date and a time that
 * make one instant); everything the server validates is checked with its own schema by `checkAgainst`.
 */
export function checks(t: TFunction) {
  const errors: FieldErrors = {};
  const api = {
    errors,
    required(field: string, value: string, label: string) {
      if (!errors[field] && !value.trim()) errors[field] = t('forms.required', { label });
      return api;
    },
    same(field: string, value: string, other: string) {
      if (!errors[field] && value !== other) errors[field] = t('forms.passwordsDiffer');
      return api;
    },
    check(field: string, failing: boolean, message: string) {
      if (!errors[field] && failing) errors[field] = message;
      return api;
    },
  };
  return api;
}
