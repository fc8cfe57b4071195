/**
 * Every route the app serves, as registered: the contract test reads it to prove that each API route
 * comes from the contract (or is one of the few that cannot), without a list to keep up to date.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Route } from '../../contract/route.ts';

/** What `registerRoute` puts in a route's config: the contract route it serves. */
export interface ContractRouteConfig {
  contract?: Route;
}

const tables = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Call first, before any route is added. */
export function keepRouteTable(app: FastifyInstance): void {
  const table: RouteOptions[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (options) => {
    table.push(options);
  });
}

export function routeTable(app: FastifyInstance): readonly RouteOptions[] {
  return tables.get(app) ?? [];
}

type SwaggerTransform = typeof jsonSchemaTransform;

/**
 * The OpenAPI document's view of a route: the contract's zod schemas as JSON Schema, and for a route that
 * answers with a file (a calendar, a CSV, a record) that file's media type as its success answer, which the
 * zod serialiser cannot describe because no JSON leaves such a route.
 */
export const documentFileAnswers: SwaggerTransform = (input) => {
  const transformed = jsonSchemaTransform(input);
  const contract = (input.route.config as ContractRouteConfig | undefined)?.contract;
  if (!contract?.produces) return transformed;
  const schema = transformed.schema as { response?: Record<string, unknown> };
  schema.response = {
    ...schema.response,
    [contract.status ?? 200]: {
      description: `The file (${contract.produces})`,
      content: { [contract.produces]: { schema: { type: 'string' } } },
    },
  };
  return transformed;
};
