/**
 * Checks a form's values with the very schema the server validates with, before sending, and puts
 * each problem into words in the reader's language next to its field.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldErrors } from './use-form.ts';

type Issue = z.core.$ZodIssue;

function sentence(issue: Issue, label: string, t: TFunction): string {
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
      return issue.format === 'email' ? t('forms.email') : t('forms.invalid', { label });
    case 'invalid_type':
      return issue.input === undefined || issue.input === ''
        ? t('forms.required', { label })
        : t('forms.invalid', { label });
    default:
      return t('forms.invalid', { label });
  }
}

const valueAt = (values: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    values,
  );

const isEmpty = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');

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
    // A field left empty is missing, whichever check it then fails (an address's format, a length).
    errors[field] =
      messages[field] ??
      (isEmpty(valueAt(values, issue.path)) ? t('forms.required', { label }) : sentence(issue, label, t));
  }
  return errors;
}

/**
 * checkAgainst with a schema fetched on first use, for forms of the first page (sign-in): their code stays
 * free of the contract's schemas and zod until someone submits. `useForm` waits for the answer.
 */
export async function checkAgainstLater(
  schema: () => Promise<z.ZodType>,
  values: unknown,
  t: TFunction,
  labels: Record<string, string>,
  messages: Record<string, string> = {},
): Promise<FieldErrors> {
  return checkAgainst(await schema(), values, t, labels, messages);
}
