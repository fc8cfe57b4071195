/**
 * Calls a contract route: its path, method and types come from the one description the server
 * registers, so a call cannot drift from what the server takes and answers.
 */
import { pathOf, type RequestOf, type ResponseOf, type Route } from '../../contract/route.ts';
import { request } from './client.ts';
import { type Resource, useResource } from './use-resource.ts';

/**
 * A contract route named by its method and path alone, for the code of the first page (the shell,
 * sign-in, home): importing the route itself would bring its schemas, and zod with them, into the first
 * download. The compiler holds both strings to the contract's: `routeRef<typeof getMe>('GET', '/api/me')`
 * fails to compile once the route moves.
 */
export interface RouteRef<R extends Route> {
  readonly method: R['method'];
  readonly path: R['path'];
  /** Only carries the route's type. */
  readonly route?: R;
}

export const routeRef = <R extends Route>(method: R['method'], path: R['path']): RouteRef<R> => ({
  method,
  path,
});

export function call<R extends Route>(route: R | RouteRef<R>, input: RequestOf<R>): Promise<ResponseOf<R>> {
  return request<ResponseOf<R>>(route.method, pathOf(route as R, input), input.body);
}

/** A GET route's answer for a page; `null` waits (e.g. until what the path needs is known). */
export function useRoute<R extends Route & { method: 'GET' }>(
  route: R | RouteRef<R>,
  input: RequestOf<R> | null,
  options: { keepPrevious?: boolean } = {},
): Resource<ResponseOf<R>> {
  return useResource<ResponseOf<R>>(input ? pathOf(route as R, input) : null, options);
}
