/**
 * One HTTP route, described once: the server registers it (validation, serialisation, the OpenAPI
 * document), the browser calls it (path, method, types, form checks), and both read the same shapes.
 */
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: Method;
  path: `/api/${string}`;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The status of a success; 200 unless given. */
  status?: 200 | 201 | 202 | 204;
  /**
   * The body of a success: only the fields it names ever leave the server. `null` for no body (204).
   * Left out for files (calendars, CSV, PDF, Markdown), whose media type `produces` gives.
   */
  response?: z.ZodType | null;
  produces?: string;
  /** Open to people who are not signed in. */
  public?: boolean;
}

/** Keeps a route's literal types (method, path, schemas) for everyone who derives from it. */
export const route = <const R extends Route>(definition: R): R => definition;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the server's handler receives, validated. */
export interface Handled<R extends Route> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
}

/** What a success answers with. */
export type ResponseOf<R extends Route> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : R['response'] extends null
    ? undefined
    : unknown;

/** A part whose fields are all optional (a query of filters) may be left out altogether. */
type Part<K extends string, S> = S extends z.ZodType
  ? undefined extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : Partial<z.input<S>> extends z.input<S>
      ? { [P in K]?: z.input<S> }
      : { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What a client sends: path parameters, query and body, each as the route's schema takes it. */
export type RequestOf<R extends Route> = Part<'params', R['params']> &
  Part<'query', R['query']> &
  Part<'body', R['body']>;

/** The body a client sends (for forms). */
export type BodyInput<R extends Route> = R['body'] extends z.ZodType ? z.input<R['body']> : never;

/** The route's path with its parameters filled in, and its query, e.g. /api/sets/42?week=3. */
export function pathOf<R extends Route>(definition: R, request: RequestOf<R>): string {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const path = definition.path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${definition.path} needs the parameter ${key}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
