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
import webCatalogue from '../../i18n/web.en.json' with { type: 'json' };
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
 * Why an action is refused, in a person's words (the web catalogue's `refusals`), never the internal
 * action name: "Only those who run this programme can close it. Ask your programme coordinator…".
 */
export function refusalSentence(action: string, catalogue: object = webCatalogue): string {
  const [group, name] = action.split('.') as [string, string];
  // A catalogue is JSON of nested words; `refusals` holds a sentence per access-map action.
  const refusals = (catalogue as { refusals: Record<string, Record<string, string> | string> }).refusals;
  const entry = refusals[group];
  const sentence = typeof entry === 'object' ? entry[name] : undefined;
  return sentence ? `${sentence} ${refusals.askWho}` : String(refusals.generic);
}

/**
 * Checks one action. A viewer who may not know the resource exists gets 404; one who may see it but not
 * do the action gets 403.
 */
export function authorize<R extends Resource>(actor: Actor, action: Action, resource: R): void {
  // `can` pairs each action with its own resource type; here both are chosen at run time from the
  // resource, which the access map's tables guarantee match, so the pairing is not visible to the compiler.
  if (!can(actor, visibilityAction[resource.type] as never, resource)) throw notFound(nouns[resource.type]);
  if (!can(actor, action as never, resource)) {
    throw forbidden(refusalSentence(action), undefined, action);
  }
  // The one "programme closed" guard: a closed programme's sets, meetings and surveys do not change.
  const closed = closedProblem(action, 'programmeClosed' in resource ? resource.programmeClosed : false);
  if (closed) throw conflict(closed);
}
