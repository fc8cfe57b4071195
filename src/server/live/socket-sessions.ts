import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface SessionSocket {
  close(code: number, reason: string): void;
}

/** Close code and reason when the session a socket was opened with has ended. */
export const sessionEndedClose = { code: 4401, reason: 'Your session has ended. Please sign in again.' };

/**
 * The live sockets of this process by the session they were opened with. A socket lives only as long
 * as its session: when the session ends (sign-out, a revoked device, a password reset, an archived
 * person, an admin's "sign out"), every process closes that session's sockets at once.
 */
export class SocketSessions {
  private readonly bySession = new Map<string, Set<SessionSocket>>();

  add(sessionId: string, socket: SessionSocket): void {
    let sockets = this.bySession.get(sessionId);
    if (!sockets) {
      sockets = new Set();
      this.bySession.set(sessionId, sockets);
    }
    sockets.add(socket);
  }

  remove(sessionId: string, socket: SessionSocket): void {
    const sockets = this.bySession.get(sessionId);
    if (!sockets) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.bySession.delete(sessionId);
  }

  /** Closes every socket of the session; returns how many were open. */
  end(sessionId: string): number {
    const sockets = this.bySession.get(sessionId);
    if (!sockets) return 0;
    this.bySession.delete(sessionId);
    for (const socket of sockets) socket.close(sessionEndedClose.code, sessionEndedClose.reason);
    return sockets.size;
  }

  get size(): number {
    return this.bySession.size;
  }

  /**
   * The safety net behind the signals: ends the sockets of every session that is no longer in the
   * database or has expired (a signal lost while a process was reconnecting to the bus, say).
   */
  async sweep(db: Kysely<Database>, now: Date): Promise<number> {
    const ids = [...this.bySession.keys()];
    let ended = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await db
        .selectFrom('session')
        .select(['id', 'expiresAt'])
        .where('id', 'in', chunk)
        .execute();
      const live = new Set(rows.filter((r) => new Date(r.expiresAt) > now).map((r) => r.id));
      for (const id of chunk) if (!live.has(id)) ended += this.end(id);
    }
    return ended;
  }
}
