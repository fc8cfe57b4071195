/**
 * Calls a contract route: its path, method and types come from the one description the server
 * registers, so a call cannot drift from what the server takes and answers.
 */
import { pathOf, type RequestOf, type ResponseOf, type Route } from '../../contract/route.ts';
import { request } from './client.ts';
import { type Resource, useResource } from './use-resource.ts';

export function call<R extends Route>(route: R, input: RequestOf<R>): Promise<ResponseOf<R>> {
  return request<ResponseOf<R>>(route.method, pathOf(route, input), input.body);
}

/** A GET route's answer for a page; `null` waits (e.g. until what the path needs is known). */
export function useRoute<R extends Route & { method: 'GET' }>(
  route: R,
  input: RequestOf<R> | null,
  options: { keepPrevious?: boolean } = {},
): Resource<ResponseOf<R>> {
  return useResource<ResponseOf<R>>(input ? pathOf(route, input) : null, options);
}
