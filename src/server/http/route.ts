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
import type { ViewerCache } from './viewer-cache.ts';

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

export interface RouteOptions {
  /**
   * For the busiest signed-in reads only: answers remembered per session while no row changes (see
   * `viewer-cache.ts`). Only for reads whose answer depends on nothing but the database, the asker, the
   * URL, the language and the time.
   */
  viewerCache?: ViewerCache | undefined;
}

export function registerRoute<R extends Route>(
  app: FastifyInstance,
  definition: R,
  handler: RouteHandler<R>,
  options: RouteOptions = {},
): void {
  const cache = definition.method === 'GET' ? options.viewerCache : undefined;
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
      if (cache) {
        const slot = cache.slotOf(request);
        const remembered = slot && cache.answer(slot);
        if (remembered)
          return reply.status(remembered.status).type(remembered.contentType).send(remembered.body);
        // Stored on the way out (see installViewerCache) once serialised, if it is this route's success.
        request.answerSlot = slot ? { ...slot, status } : null;
      }
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
