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

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  /** The refused action of a 403, sent as the `action` extension member. */
  action: string | undefined;

  constructor(code: ProblemCode, detail: string, errors?: FieldError[]) {
    super(detail);
    this.code = code;
    this.status = problemCodes[code].status;
    this.errors = errors;
  }

  toBody(): ProblemBody {
    const body = problemBody(this.code, this.message, this.errors);
    if (this.action) body.action = this.action;
    return body;
  }
}

export function problemBody(code: ProblemCode, detail: string, errors?: FieldError[]): ProblemBody {
  const body: ProblemBody = {
    type: `urn:revans:problem:${code}`,
    title: problemCodes[code].title,
    status: problemCodes[code].status,
    detail,
    code,
  };
  if (errors?.length) body.errors = errors;
  return body;
}

export const notFound = (what: string) =>
  new Problem('not-found', `There is no ${what} here, or you cannot see it.`);
export const forbidden = (detail: string, action?: string) => {
  const problem = new Problem('forbidden', detail);
  problem.action = action;
  return problem;
};
export const conflict = (detail: string, field?: string) =>
  new Problem('conflict', detail, field ? [{ field, message: detail }] : undefined);
