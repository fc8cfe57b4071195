// Types for scripts/pg-throwaway.mjs, so TypeScript test code can import it.
export function startThrowawayPostgres(): Promise<{ url: string; stop: () => Promise<void> }>;
export function waitForPostgres(
  url: string,
  options?: { timeoutMs?: number; isDead?: () => boolean },
): Promise<void>;
