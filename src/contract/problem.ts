/** RFC 9457 problem+json, as every error reaches a client: a stable code and a sentence to act on. */
import { z } from 'zod';

export const fieldProblem = z.object({
  /** A dotted path such as "body.name". */
  field: z.string(),
  message: z.string(),
});

export const problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(fieldProblem).optional(),
});
export type ProblemJson = z.infer<typeof problem>;
