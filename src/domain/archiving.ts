/**
 * Archiving is a flag on people, organisations, sets and programmes: an archived row keeps the date it
 * was first archived, and asking again for what already holds changes nothing (nor is it audited).
 */
export interface ArchiveOutcome {
  archivedAt: string | null;
  /** What changed, for the audit trail: nothing, or the row was archived or restored. */
  change: 'archived' | 'restored' | null;
}

/** Applies a patch's `archived` (undefined: left as it is) to a row archived at `archivedAt`. */
export function applyArchived(
  archivedAt: string | null,
  archived: boolean | undefined,
  now: string,
): ArchiveOutcome {
  if (archived === undefined || archived === (archivedAt !== null)) return { archivedAt, change: null };
  return archived ? { archivedAt: now, change: 'archived' } : { archivedAt: null, change: 'restored' };
}
