import type { FastifyRequest } from 'fastify';
import {
  type Action,
  type Actor,
  can,
  type PersonActor,
  type Resource,
  visibilityAction,
} from '../../domain/access.ts';
import { closedProblem } from '../../domain/programme-lifecycle.ts';
import { conflict, forbidden, notFound, Problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The signed-in session this request came with (null when anonymous). */
    sessionId: string | null;
  }
}

export function signedIn(request: FastifyRequest): PersonActor {
  if (request.actor.kind !== 'person') throw new Problem('unauthenticated', 'Please sign in to continue.');
  return request.actor;
}

const nouns: Record<Resource['type'], string> = {
  host: 'host',
  person: 'person',
  programme: 'programme',
  set: 'set',
  problem: 'problem',
  action: 'action',
  journal: 'journal entry',
  application: 'application',
  concern: 'concern',
  review: 'review',
  workshop: 'workshop',
  workshopAction: 'workshop action',
};

/**
 * Checks one action. A viewer who may not know the resource exists gets 404; one who may see it but not
 * do the action gets 403.
 */
export function authorize<R extends Resource>(actor: Actor, action: Action, resource: R): void {
  // `can` pairs each action with its own resource type; here both are chosen at run time from the
  // resource, which the access map's tables guarantee match, so the pairing is not visible to the compiler.
  if (!can(actor, visibilityAction[resource.type] as never, resource)) throw notFound(nouns[resource.type]);
  if (!can(actor, action as never, resource)) {
    throw forbidden(
      'Your role does not allow this ({{action}}). Ask your programme coordinator or host admin.',
      { action },
    );
  }
  // The one "programme closed" guard: a closed programme's sets, meetings and surveys do not change.
  const closed = closedProblem(action, 'programmeClosed' in resource ? resource.programmeClosed : false);
  if (closed) throw conflict(closed);
}
