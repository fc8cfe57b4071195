import { english, type FieldError, type Translate } from './problem.ts';
import { nulCharacterReason } from './validator.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Turns a schema issue into a sentence about the named field, e.g. "name must be at most 200 characters",
 * in the reader's language: each sentence is a message id of src/i18n/problems.en.json.
 */
export function describeIssue(issue: ValidationIssue, field: string, tr: Translate = english): string {
  const p = issue.params ?? {};
  const limit = (key: string) => ({ field, limit: String(p[key]) });
  if (
    issue.keyword === 'custom' &&
    (p.params as { reason?: string } | undefined)?.reason === nulCharacterReason
  )
    return tr('{{field}} must not contain the NUL character (U+0000)', { field });
  switch (issue.keyword) {
    case 'invalid_type':
      if (p.input === undefined) return tr('{{field}} is required', { field });
      switch (String(p.expected)) {
        case 'string':
          return tr('{{field}} must be text', { field });
        case 'number':
          return tr('{{field}} must be a number', { field });
        case 'int':
          return tr('{{field}} must be a whole number', { field });
        case 'boolean':
          return tr('{{field}} must be true or false', { field });
        case 'object':
          return tr('{{field}} must be an object', { field });
        case 'array':
          return tr('{{field}} must be a list', { field });
        default:
          return tr('{{field}} must be {{kind}}', { field, kind: String(p.expected) });
      }
    case 'too_big':
      if (p.origin === 'string')
        return tr('{{field}} must be at most {{limit}} characters', limit('maximum'));
      if (p.origin === 'array') return tr('{{field}} must have at most {{limit}} items', limit('maximum'));
      return tr('{{field}} must be at most {{limit}}', limit('maximum'));
    case 'too_small':
      if (p.origin === 'string')
        return p.minimum === 1
          ? tr('{{field}} must not be empty', { field })
          : tr('{{field}} must be at least {{limit}} characters', limit('minimum'));
      if (p.origin === 'array') return tr('{{field}} must have at least {{limit}} items', limit('minimum'));
      return tr('{{field}} must be at least {{limit}}', limit('minimum'));
    case 'unrecognized_keys':
      return tr('{{field}} has fields this request does not accept: {{keys}}', {
        field,
        keys: ((p.keys as string[] | undefined) ?? []).join(', '),
      });
    case 'invalid_format':
      if (p.format === 'email') return tr('{{field}} must be a valid email address', { field });
      if (p.format === 'uuid' || p.format === 'guid') return tr('{{field}} must be a valid id', { field });
      if (p.format === 'date') return tr('{{field}} must be a date written as YYYY-MM-DD', { field });
      return tr('{{field}} must be in the {{format}} format', { field, format: String(p.format) });
    case 'invalid_value':
      return tr('{{field}} must be one of: {{values}}', {
        field,
        values: ((p.values as unknown[] | undefined) ?? []).join(', '),
      });
    default:
      return issue.message ? `${field} ${issue.message}` : tr('{{field}} is not valid', { field });
  }
}

export function fieldErrors(
  context: string,
  issues: ValidationIssue[],
  tr: Translate = english,
): FieldError[] {
  return issues.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    const keys = issue.keyword === 'unrecognized_keys' ? [] : path;
    const field = [context, ...keys].join('.');
    // A schema may carry its own full sentence ("Please consent to ..."); zod's defaults start "Invalid".
    const ownSentence = issue.message && /^[A-Z]/.test(issue.message) && !/^Invalid/.test(issue.message);
    if (ownSentence) return { field, message: tr(issue.message!) };
    return { field, message: describeIssue(issue, keys.length ? keys.join('.') : context, tr) };
  });
}
