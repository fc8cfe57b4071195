/**
 * A small typed client for the Revans API. Every failed call throws a ProblemError built from the
 * server's RFC 9457 problem+json (or, for the accounts endpoints, their `{ code, message }` shape).
 */

export interface FieldProblem {
  /** The field the server names, without its "body." prefix, e.g. "name" or "setSize.min". */
  field: string;
  message: string;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  /** A refusal's action (e.g. "programme.close"), which the catalogue's `refusals` explain in words. */
  readonly action: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail: string;
    errors?: FieldProblem[];
    action?: string;
  }) {
    super(init.detail);
    this.name = 'ProblemError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? init.detail;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.action = init.action;
  }

  /** Worth trying again: the network failed or the server did (never a refusal, a missing or gone thing). */
  get retriable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

export function isProblem(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}

const stripContext = (field: string) => field.replace(/^(body|querystring|params)\.?/, '');

async function toProblem(response: Response): Promise<ProblemError> {
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  const rawErrors = Array.isArray(body.errors)
    ? (body.errors as { field?: unknown; message?: unknown }[])
    : [];
  return new ProblemError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : `http-${response.status}`,
    title: typeof body.title === 'string' ? body.title : undefined,
    detail:
      typeof body.detail === 'string'
        ? body.detail
        : typeof body.message === 'string'
          ? body.message
          : response.statusText || `HTTP ${response.status}`,
    action: typeof body.action === 'string' ? body.action : undefined,
    errors: rawErrors
      .filter((e) => typeof e.field === 'string' && typeof e.message === 'string')
      .map((e) => ({ field: stripContext(e.field as string), message: e.message as string })),
  });
}

/** When the network itself fails (server down, offline), callers still get a ProblemError. */
function networkProblem(error: unknown): ProblemError {
  return new ProblemError({
    status: 0,
    code: 'network',
    detail: error instanceof Error ? error.message : String(error),
  });
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw networkProblem(error);
  }
  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
