import type { TFunction } from 'i18next';
import type { FieldErrors } from './use-form.ts';

/** Client-side checks that mirror the server's, so most mistakes are explained before sending. */
export function checks(t: TFunction) {
  const errors: FieldErrors = {};
  const api = {
    errors,
    required(field: string, value: string, label: string) {
      if (!errors[field] && !value.trim()) errors[field] = t('forms.required', { label });
      return api;
    },
    email(field: string, value: string) {
      if (!errors[field] && value.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) {
        errors[field] = t('forms.email');
      }
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
