import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Problem, type ProblemBody, type ProblemCode, problemBody } from './problem.ts';
import { fieldErrors } from './validation-messages.ts';

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

function toProblem(error: FastifyError): ProblemBody | undefined {
  if (error instanceof Problem) return error.toBody();
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const errors = fieldErrors(context, error.validation);
    const detail = errors.map((e) => e.message).join('; ');
    return problemBody('validation-failed', `Please correct: ${detail}.`, errors);
  }
  if (error instanceof SyntaxError)
    return problemBody('invalid-json', 'The request body could not be read as JSON.');
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) return problemBody(known.code, known.detail);
  if (error.statusCode === 429)
    return problemBody('rate-limited', 'Too many requests. Please wait a moment and try again.');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { ...problemBody('validation-failed', error.message), status: error.statusCode };
  }
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
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
          'Revans could not finish this request. Nothing was changed; please try again.',
        ),
      );
  });
}
