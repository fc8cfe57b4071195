/**
 * A moment's memory of what the busiest signed-in reads answered, for the same session only, and only
 * while the database is exactly as it was when the answer was made: every entry carries the store's
 * data version (see `SqliteExclusive.dataVersion`) and is thrown away as soon as any row anywhere has
 * changed, or after `ttlMs` on the context's clock (some answers depend on the time, as Upcoming does).
 *
 * Nothing is shared between people: an answer is keyed by the session that asked, the language it asked
 * in and the exact URL, and it is reached only after the request was authenticated as usual. An answer
 * is stored only if the version did not move while it was being made, so a read that raced a write is
 * never remembered. Only SQLite offers a version that every commit moves at no cost; on PostgreSQL
 * (several nodes) there is no such cheap check, and nothing is remembered.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SignedInPerson } from '../auth/actor.ts';

export type DataVersion = () => string | Promise<string>;

interface Entry<T> {
  version: string;
  /** On the context's clock, in ms. */
  until: number;
  value: T;
}

/** A bounded map whose entries hold only for one data version and a short while. */
class VersionedMemo<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;

  /** `weigh` gives an entry's size in bytes, counted against `maxBytes`. */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
    private readonly weigh: (value: T) => number = () => 0,
  ) {}

  get totalBytes(): number {
    return this.bytes;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= this.weigh(entry.value);
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, version: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.until <= now) {
      this.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, version: string, until: number, value: T): void {
    const weight = this.weigh(value);
    if (weight > this.maxBytes) return;
    this.delete(key);
    // Oldest first: a Map iterates in insertion order.
    while (this.entries.size >= this.maxEntries || this.bytes + weight > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.entries.set(key, { version, until, value });
    this.bytes += weight;
  }
}

/** Who a session's person is, with what the sign-in checks need (both read from the database). */
export interface RememberedActor {
  signedIn: SignedInPerson;
  twoFactorRequired: boolean;
}

export interface RememberedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Where a read that missed will store its answer, if the version still holds once it is made. */
export interface AnswerSlot {
  key: string;
  version: string;
  /** The route's success status: only such answers are remembered. */
  status?: number;
}

export class ViewerCache {
  private readonly actors: VersionedMemo<RememberedActor>;
  private readonly answers: VersionedMemo<RememberedAnswer>;

  constructor(
    readonly version: DataVersion,
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      maxBytes: number;
      now: () => number;
      /** Told of every answer looked up: for the operator's figures. */
      onLookup?: (hit: boolean) => void;
    },
  ) {
    this.actors = new VersionedMemo(options.maxEntries);
    // Answers are bounded by their size too: a few large set pages must not hold much memory.
    this.answers = new VersionedMemo(options.maxEntries, options.maxBytes, (answer) => answer.body.length);
  }

  actor(userId: string, version: string): RememberedActor | undefined {
    return this.actors.get(userId, version, this.options.now());
  }

  /**
   * The version must have been read before the actor was: whatever was read after it is at least as new,
   * and a newer version is never looked up under an older one.
   */
  rememberActor(userId: string, version: string, actor: RememberedActor): void {
    this.actors.set(userId, version, this.options.now() + this.options.ttlMs, actor);
  }

  /** The slot of this request's answer, or undefined when it cannot be remembered (not signed in). */
  slotOf(request: FastifyRequest): AnswerSlot | undefined {
    const { sessionId, dataVersion } = request;
    if (!sessionId || !dataVersion) return undefined;
    const language = request.headers['accept-language'] ?? '';
    return { key: `${sessionId}\u0000${language}\u0000${request.url}`, version: dataVersion };
  }

  answer(slot: AnswerSlot): RememberedAnswer | undefined {
    const found = this.answers.get(slot.key, slot.version, this.options.now());
    this.options.onLookup?.(found !== undefined);
    return found;
  }

  /** Stores the answer only if no row changed while it was being made. */
  async rememberAnswer(slot: AnswerSlot, answer: RememberedAnswer): Promise<void> {
    if ((await this.version()) !== slot.version) return;
    this.answers.set(slot.key, slot.version, this.options.now() + this.options.ttlMs, answer);
  }

  get entries(): { actors: number; answers: number; answerBytes: number } {
    return { actors: this.actors.size, answers: this.answers.size, answerBytes: this.answers.totalBytes };
  }
}

/** Remembers the serialised answers of the reads that missed (the routes registered with the cache). */
export function installViewerCache(app: FastifyInstance, cache: ViewerCache | undefined): void {
  app.decorateRequest('dataVersion', null);
  app.decorateRequest('answerSlot', null);
  if (!cache) return;
  app.addHook('onSend', (request, reply, payload, done) => {
    const slot = request.answerSlot;
    if (!slot || reply.statusCode !== slot.status || typeof payload !== 'string') return done(null, payload);
    const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    cache
      .rememberAnswer(slot, { status: reply.statusCode, contentType, body: Buffer.from(payload) })
      .then(() => done(null, payload), done);
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The store's data version read when this request was authenticated (SQLite only). */
    dataVersion: string | null;
    /** Set when this read missed the viewer cache: its answer is stored there on the way out. */
    answerSlot: AnswerSlot | null;
  }
}
