/**
 * A few seconds' memory of signed-in sessions, in front of the accounts library's session lookup (which
 * verifies the cookie's signature and reads the session and user on every request: over a quarter of a
 * hot read's time). Keyed by the signed cookie value exactly as the browser sends it, so a hit is a cookie
 * the library has already verified.
 *
 * Revocation is honoured at once: every ended session (sign-out, device sign-out, password change or
 * reset, erasure) and every changed account is signalled through the bus, which evicts it here on this
 * node synchronously and on other nodes through PostgreSQL NOTIFY; a lookup that was under way when an
 * eviction happened is not stored. Expiry is checked on every hit. Nothing is stored for a cookie that
 * did not verify.
 */
export interface CachedSession {
  sessionId: string;
  userId: string;
  twoFactorEnabled: boolean;
  /** ms since the epoch */
  expiresAt: number;
}

interface Entry {
  value: CachedSession;
  /** performance.now() after which the entry is looked up again */
  freshUntil: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every eviction: a lookup that started before one must not store its answer. */
  private epoch = 0;

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; clock?: () => number } = {
      ttlMs: 5000,
      maxEntries: 20_000,
    },
  ) {}

  private now(): number {
    return (this.options.clock ?? performance.now.bind(performance))();
  }

  get(key: string): CachedSession | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.freshUntil <= this.now() || entry.value.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Looks `key` up through `load` on a miss and keeps the answer for ttlMs, unless an eviction happened
   * while `load` ran (the answer may then describe a session that has just ended).
   */
  async resolve(key: string, load: () => Promise<CachedSession | null>): Promise<CachedSession | null> {
    const hit = this.get(key);
    if (hit) return hit;
    const epoch = this.epoch;
    const value = await load();
    if (value && epoch === this.epoch && this.options.ttlMs > 0) {
      if (this.entries.size >= this.options.maxEntries) {
        // Maps iterate in insertion order: drop the oldest.
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(key, { value, freshUntil: this.now() + this.options.ttlMs });
    }
    return value;
  }

  /** Forgets the session, and (with userId) every session of that account. */
  evict(match: { sessionId?: string; userId?: string }): void {
    this.epoch++;
    for (const [key, entry] of this.entries) {
      if (entry.value.sessionId === match.sessionId || entry.value.userId === match.userId)
        this.entries.delete(key);
    }
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
