/**
 * Checks a form's values with the very schema the server validates with, before sending, and puts
 * each problem into words in the reader's language next to its field.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldErrors } from './use-form.ts';

type Issue = z.core.$ZodIssue;

/** The value a problem is about, found in the values checked by the problem's path. */
function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let value = values;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

const isEmpty = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');

function sentence(issue: Issue, label: string, t: TFunction, value: unknown): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('forms.required', { label })
          : t('forms.tooShort', { label, min: Number(issue.minimum) });
      if (issue.origin === 'array') return t('forms.tooFew', { label, min: Number(issue.minimum) });
      return t('forms.tooSmall', { label, min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('forms.tooLong', { label, max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('forms.tooMany', { label, max: Number(issue.maximum) });
      return t('forms.tooBig', { label, max: Number(issue.maximum) });
    case 'invalid_format':
      // An empty e-mail address is missing rather than malformed.
      if (isEmpty(value)) return t('forms.required', { label });
      return issue.format === 'email' ? t('forms.email') : t('forms.invalid', { label });
    case 'invalid_type':
      return issue.input === undefined || issue.input === ''
        ? t('forms.required', { label })
        : t('forms.invalid', { label });
    default:
      return t('forms.invalid', { label });
  }
}

/**
 * The first problem of each field, keyed by its dotted path ("name", "setSize.min"). `labels` names
 * each field as the form shows it; `messages` may give a field its own wording for a failed check.
 */
export function checkAgainst(
  schema: z.ZodType,
  values: unknown,
  t: TFunction,
  labels: Record<string, string>,
  messages: Record<string, string> = {},
): FieldErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (errors[field]) continue;
    // An entry of a list ("themes.2") goes by the list's label unless it has its own.
    const label = labels[field] ?? labels[String(issue.path[0])] ?? field;
    errors[field] = messages[field] ?? sentence(issue, label, t, valueAt(values, issue.path));
  }
  return errors;
}
