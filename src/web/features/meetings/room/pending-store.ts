import type { PendingCommand, PendingStore } from '../../../live/connection.ts';

/**
 * Unsent commands kept in localStorage, per person and meeting, so what someone typed while the
 * connection was down survives a reload (and never goes out under someone else's name on a shared device).
 */
export function localPendingStore(
  personId: string,
  storage: Storage | undefined = globalThis.localStorage,
): PendingStore {
  const key = (meetingId: string) => `revans:pending:${personId}:${meetingId}`;
  return {
    load(meetingId) {
      try {
        const raw = storage?.getItem(key(meetingId));
        const parsed = raw ? (JSON.parse(raw) as unknown) : [];
        return Array.isArray(parsed)
          ? parsed.filter(
              (p): p is PendingCommand =>
                typeof p === 'object' &&
                p !== null &&
                typeof (p as PendingCommand).id === 'string' &&
                typeof (p as PendingCommand).command?.type === 'string',
            )
          : [];
      } catch {
        return [];
      }
    },
    save(meetingId, pending) {
      try {
        if (pending.length === 0) storage?.removeItem(key(meetingId));
        else storage?.setItem(key(meetingId), JSON.stringify(pending));
      } catch {
        // Storage full or blocked (private mode): the commands still wait in memory.
      }
    },
  };
}
