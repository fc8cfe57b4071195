/**
 * Registers a contract route on the server: the contract's schemas validate the request, serialise the
 * response (so no field it does not name can leave) and describe both in the OpenAPI document, with
 * the problem+json answers every route can give.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contract/problem.ts';
import type { Handled, ResponseOf, Route } from '../../contract/route.ts';
import type { ContractRouteConfig } from './route-table.ts';

export interface RouteCall<R extends Route> extends Handled<R> {
  request: FastifyRequest;
  reply: FastifyReply;
}

export type RouteHandler<R extends Route> = (call: RouteCall<R>) => Promise<ResponseOf<R>> | ResponseOf<R>;

const problems = (definition: Route) => {
  const answers: Record<number, z.ZodType> = { 400: problem, 404: problem, 409: problem, 429: problem };
  if (!definition.public) Object.assign(answers, { 401: problem, 403: problem });
  if (definition.body) Object.assign(answers, { 413: problem, 415: problem });
  return answers;
};

export function registerRoute<R extends Route>(
  app: FastifyInstance,
  definition: R,
  handler: RouteHandler<R>,
): void {
  const status = definition.status ?? 200;
  const success =
    definition.response === undefined
      ? {}
      : { [status]: definition.response === null ? z.null().describe('No content') : definition.response };
  app.withTypeProvider<ZodTypeProvider>().route({
    method: definition.method,
    url: definition.path,
    config: { contract: definition } satisfies ContractRouteConfig,
    schema: {
      tags: [...definition.tags],
      summary: definition.summary,
      ...(definition.params ? { params: definition.params } : {}),
      ...(definition.query ? { querystring: definition.query } : {}),
      ...(definition.body ? { body: definition.body } : {}),
      ...(definition.produces ? { produces: [definition.produces] } : {}),
      ...(definition.public ? { security: [] } : {}),
      response: { ...success, ...problems(definition) },
    },
    async handler(request, reply) {
      const result = await handler({
        params: request.params as Handled<R>['params'],
        query: request.query as Handled<R>['query'],
        body: request.body as Handled<R>['body'],
        request,
        reply,
      });
      if (reply.sent) return reply;
      reply.status(status);
      return status === 204 ? reply.send() : result;
    },
  });
}
