import { formatDateTime, type Viewer, zoneName } from '../../../domain/time/format.ts';

/** The first words of a statement, to name the one a button acts on. */
export function shortStatement(statement: string, words = 6): string {
  const all = statement.trim().split(/\s+/);
  return all.length <= words ? statement.trim() : `${all.slice(0, words).join(' ')}…`;
}

/** An instant in the reader's zone, saying which zone: "4 Mar 2027, 09:30 (United Kingdom Time)". */
export function inZone(iso: string, viewer: Viewer): string {
  return `${formatDateTime(iso, viewer)} (${zoneName(viewer.timeZone, viewer.language, iso)})`;
}
