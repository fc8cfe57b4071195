import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import { defaultLanguage, isLanguageCode, type LanguageCode } from '../../i18n/languages.ts';
import { refusalSentence } from './authorize.ts';
import {
  english,
  listsIn,
  Problem,
  type ProblemBody,
  type ProblemCode,
  problemBody,
  type Translate,
} from './problem.ts';
import { fieldErrors } from './validation-messages.ts';

/** The cookie the web app's language switch sets for signed-out visitors (src/web/app/language.tsx). */
const languageCookie = 'revans_language';

/**
 * The language to answer a request in: the signed-in person's own, else the visitor's choice in the web
 * app (its cookie), else the first of Accept-Language that Revans speaks, else English.
 */
export function requestLanguage(request: FastifyRequest): LanguageCode {
  const actor = request.actor;
  if (actor?.kind === 'person' && actor.language && isLanguageCode(actor.language)) return actor.language;
  const cookie = request.headers.cookie
    ?.split(/;\s*/)
    .find((part) => part.startsWith(`${languageCookie}=`))
    ?.slice(languageCookie.length + 1);
  if (cookie && isLanguageCode(cookie)) return cookie;
  const accepted = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return accepted.map((entry) => entry.base).find(isLanguageCode) ?? defaultLanguage;
}

/** Problem sentences in one language, from src/i18n/problems.<lng>.json; English where a sentence is missing. */
export function problemTranslator(i18n: i18n | undefined, language: string): Translate {
  if (!i18n || language === defaultLanguage) return english;
  const t = i18n.getFixedT(language, 'problems');
  return (id, values) =>
    t(id, {
      ...(values ? listsIn(language, values) : {}),
      keySeparator: false,
      nsSeparator: false,
      defaultValue: english(id, values),
    }) as string;
}

/** A refused action worded in one language, from the web catalogue's `refusals` (English where missing). */
function refusalTranslator(
  i18n: i18n | undefined,
  language: string,
): ((action: string) => string) | undefined {
  const catalogue = i18n?.getResourceBundle(language, 'web') as object | undefined;
  return catalogue && 'refusals' in catalogue ? (action) => refusalSentence(action, catalogue) : undefined;
}

const fastifyCodes: Record<string, { code: ProblemCode; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid-json',
    detail: 'The request body could not be read as JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid-json',
    detail: 'The request says it sends JSON but its body is empty.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload-too-large',
    detail: 'The request body is larger than Revans accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported-media-type',
    detail: 'Send the request body as JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'validation-failed',
    detail: 'The Content-Length header is wrong.',
  },
};

function toProblem(
  error: FastifyError,
  tr: Translate,
  refusal?: (action: string) => string,
): ProblemBody | undefined {
  if (error instanceof Problem) return error.toBody(tr, refusal);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const errors = fieldErrors(context, error.validation, tr);
    const details = errors.map((e) => e.message).join('; ');
    return problemBody('validation-failed', tr('Please correct: {{details}}.', { details }), errors, tr);
  }
  if (error instanceof SyntaxError)
    return problemBody('invalid-json', tr('The request body could not be read as JSON.'), undefined, tr);
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) return problemBody(known.code, tr(known.detail), undefined, tr);
  if (error.statusCode === 429)
    return problemBody(
      'rate-limited',
      tr('Too many requests. Please wait a moment and try again.'),
      undefined,
      tr,
    );
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { ...problemBody('validation-failed', error.message, undefined, tr), status: error.statusCode };
  }
  return undefined;
}

/** Every error as problem+json, its title and detail in the reader's language (given the server's i18n). */
export function installErrorHandling(app: FastifyInstance, i18n?: i18n): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = requestLanguage(request);
    const tr = problemTranslator(i18n, language);
    const problem = toProblem(error, tr, refusalTranslator(i18n, language));
    if (problem) {
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.status(problem.status).type('application/problem+json').send(problem);
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .status(500)
      .type('application/problem+json')
      .send(
        problemBody(
          'internal',
          tr('Revans could not finish this request. Nothing was changed; please try again.'),
          undefined,
          tr,
        ),
      );
  });
}
