/**
 * The error catalogue. Every error a client can cause reaches it as RFC 9457 problem+json with a sentence
 * a person understands; `type` is stable per code so clients can branch on it.
 */
export const problemCodes = {
  'validation-failed': { status: 400, title: 'Some of the information sent is not valid' },
  'invalid-json': { status: 400, title: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Please sign in' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  'two-factor-required': {
    status: 403,
    title: 'Set up two-factor sign-in first',
  },
  'cross-site-request': { status: 403, title: 'Request refused from another site' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'This conflicts with what is already there' },
  'already-set-up': { status: 409, title: 'Revans is already set up' },
  gone: { status: 410, title: 'This link is no longer valid' },
  'payload-too-large': { status: 413, title: 'The request is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  unavailable: { status: 503, title: 'Revans is not ready' },
} as const;

export type ProblemCode = keyof typeof problemCodes;

export interface FieldError {
  /** A JSON pointer-ish dotted path such as "body.name". */
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: FieldError[];
  /** A refusal (403): the access-map action refused, so a client can say in its own words why. */
  action?: string;
}

/** Values for a sentence's `{{name}}` placeholders; a list is written as the reader's language writes one. */
export type ProblemValues = Record<string, string | number | readonly string[]>;

/** The values with each list written out in one language ("Amara, Ben and Chloe"). */
export function listsIn(language: string, values: ProblemValues): Record<string, string | number> {
  const lists = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'string' || typeof value === 'number' ? value : lists.format(value),
    ]),
  );
}

/**
 * Gives a problem's English sentence (its message id, as in gettext) in the reader's language. The ids
 * are extracted from the code into src/i18n/problems.en.json (scripts/extract-problems.ts), which
 * translators copy per language.
 */
export type Translate = (id: string, values?: ProblemValues) => string;

/** Fills `{{name}}` placeholders: the English text, and what any translation falls back to. */
export const english: Translate = (id, values) => {
  if (!values) return id;
  const filled = listsIn('en', values);
  return id.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => String(filled[name] ?? whole));
};

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  /** The English sentence with its placeholders: the message id translations are found by. */
  readonly template: string;
  readonly values: ProblemValues | undefined;
  /** Values that are themselves words to translate (the noun in "There is no {{what}} here"). */
  readonly wordValues: readonly string[];
  /** The refused action of a 403, sent as the `action` extension member. */
  action: string | undefined;

  constructor(
    code: ProblemCode,
    detail: string,
    errors?: FieldError[],
    values?: ProblemValues,
    wordValues: readonly string[] = [],
  ) {
    super(english(detail, values));
    this.code = code;
    this.status = problemCodes[code].status;
    this.errors = errors;
    this.template = detail;
    this.values = values;
    this.wordValues = wordValues;
  }

  /**
   * The problem+json body, in English unless given the reader's translation; a refusal's sentence comes
   * from `refusal`, which words the refused action in the reader's language.
   */
  toBody(translate: Translate = english, refusal?: (action: string) => string): ProblemBody {
    const values = this.values && { ...this.values };
    for (const name of this.wordValues)
      if (values?.[name] !== undefined) values[name] = translate(String(values[name]));
    const detail = this.action && refusal ? refusal(this.action) : translate(this.template, values);
    const errors = this.errors?.map((error) => ({
      field: error.field,
      message: error.message === this.message ? detail : translate(error.message),
    }));
    const body = problemBody(this.code, detail, errors, translate);
    if (this.action) body.action = this.action;
    return body;
  }
}

/** A problem whose sentence has placeholders, e.g. problem('conflict', 'There is already a {{what}}.', { what }). */
export const problem = (code: ProblemCode, detail: string, values?: ProblemValues, errors?: FieldError[]) =>
  new Problem(code, detail, errors, values);

export function problemBody(
  code: ProblemCode,
  detail: string,
  errors?: FieldError[],
  translate: Translate = english,
): ProblemBody {
  const body: ProblemBody = {
    type: `urn:revans:problem:${code}`,
    title: translate(problemCodes[code].title),
    status: problemCodes[code].status,
    detail,
    code,
  };
  if (errors?.length) body.errors = errors;
  return body;
}

export const notFound = (what: string) =>
  new Problem('not-found', 'There is no {{what}} here, or you cannot see it.', undefined, { what }, ['what']);
export const forbidden = (detail: string, values?: ProblemValues, action?: string) => {
  const problem = new Problem('forbidden', detail, undefined, values);
  problem.action = action;
  return problem;
};
export const conflict = (detail: string, field?: string, values?: ProblemValues) =>
  new Problem('conflict', detail, field ? [{ field, message: english(detail, values) }] : undefined, values);
