import type { ZodError } from 'zod';

/** A usage mistake: one clear sentence per problem on stderr, exit code 2, nothing changed. */
export function usageError(error: ZodError | string): never {
  if (typeof error === 'string') {
    console.error(error);
  } else {
    for (const issue of error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  }
  process.exit(2);
}
