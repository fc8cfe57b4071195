import type { FieldError } from './problem.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const kindWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** Turns a schema issue into a sentence about the named field, e.g. "name must be at most 200 characters". */
export function describeIssue(issue: ValidationIssue): string {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      if (p.input === undefined) return 'is required';
      return `must be ${kindWords[String(p.expected)] ?? String(p.expected)}`;
    case 'too_big':
      if (p.origin === 'string') return `must be at most ${p.maximum} characters`;
      if (p.origin === 'array') return `must have at most ${p.maximum} items`;
      return `must be at most ${p.maximum}`;
    case 'too_small':
      if (p.origin === 'string')
        return p.minimum === 1 ? 'must not be empty' : `must be at least ${p.minimum} characters`;
      if (p.origin === 'array') return `must have at least ${p.minimum} items`;
      return `must be at least ${p.minimum}`;
    case 'unrecognized_keys':
      return `has fields this request does not accept: ${(p.keys as string[] | undefined)?.join(', ')}`;
    case 'invalid_format':
      if (p.format === 'email') return 'must be a valid email address';
      if (p.format === 'uuid' || p.format === 'guid') return 'must be a valid id';
      if (p.format === 'date') return 'must be a date written as YYYY-MM-DD';
      return `must be in the ${String(p.format)} format`;
    case 'invalid_value':
      return `must be one of: ${(p.values as unknown[] | undefined)?.join(', ')}`;
    default:
      return issue.message ?? 'is not valid';
  }
}

export function fieldErrors(context: string, issues: ValidationIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    const keys = issue.keyword === 'unrecognized_keys' ? [] : path;
    const field = [context, ...keys].join('.');
    // A schema may carry its own full sentence ("Please consent to ..."); zod's defaults start "Invalid".
    const ownSentence = issue.message && /^[A-Z]/.test(issue.message) && !/^Invalid/.test(issue.message);
    if (ownSentence) return { field, message: issue.message! };
    return { field, message: `${keys.length ? keys.join('.') : context} ${describeIssue(issue)}` };
  });
}
