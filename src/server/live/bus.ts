import type pg from 'pg';
import type { Logger } from 'pino';
import type { MeetingEvent } from '../../domain/meeting/types.ts';
import { postgresDriver } from '../store/db.ts';

/**
 * Tells every Revans process that a meeting's log grew, that someone lost access to a set, or that a
 * session ended. A missed signal is repaired by the next one: a room that finds a gap in its log reads it.
 */
export type BusSignal =
  | MeetingSignal
  | { kind: 'revoke'; setId: string; personId: string }
  /** A session ended (sign-out, revoked, expired, password reset): its sockets close at once. */
  | { kind: 'session-ended'; sessionId: string; userId: string }
  /** An account changed (e.g. two-factor turned on or off): cached sessions of it are looked up again. */
  | { kind: 'user-changed'; userId: string };

/**
 * A meeting's log grew to `seq`. It carries the event itself (and the client's id for the command, so
 * a resend is still answered once) when that fits in one notification: another process then applies it
 * without reading the log back. Without it, or out of order, the event is read from the log.
 */
export interface MeetingSignal {
  kind: 'meeting';
  meetingId: string;
  seq: number;
  event?: MeetingEvent;
  clientCommandId?: string | null;
}

export interface LiveBus {
  /**
   * Local listeners hear the signal before this returns; the promise (PostgreSQL) settles once the
   * database has taken the notification for the other processes (it never rejects).
   */
  publish(signal: BusSignal): void | Promise<void>;
  onSignal(listener: (signal: BusSignal) => void): void;
  close(): Promise<void>;
}

export class InProcessBus implements LiveBus {
  private listeners: ((signal: BusSignal) => void)[] = [];
  publish(signal: BusSignal): void {
    for (const listener of this.listeners) listener(signal);
  }
  onSignal(listener: (signal: BusSignal) => void): void {
    this.listeners.push(listener);
  }
  async close(): Promise<void> {
    this.listeners = [];
  }
}

const channel = 'revans_live';
/** PostgreSQL takes a notification's payload only under 8,000 bytes. */
const maxPayloadBytes = 7_900;

/**
 * PostgreSQL LISTEN/NOTIFY between app nodes; local listeners hear local signals at once. The signals
 * of one turn of the event loop go out together, as few notifications as fit (one, at the live room's
 * usual pace), so a busy room costs the database one statement per batch rather than one per event.
 * The channel is the database's own: what travels on it is what is committed there, seen by the app's
 * database connections only.
 */
export class PostgresBus implements LiveBus {
  private listeners: ((signal: BusSignal) => void)[] = [];
  private client: pg.Client | undefined;
  private closed = false;
  private readonly origin = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  /** Payloads waiting for the connection (at start, or while it is re-established). */
  private pending: string[] = [];
  /** This turn's signals, each already encoded (with its size), and the promise its publishers wait on. */
  private outgoing: Encoded[] = [];
  private flushed: Promise<void> | undefined;
  /** The latest batch's sending, waited for on close. */
  private sending: Promise<void> = Promise.resolve();
  private readonly envelopeBytes = Buffer.byteLength(this.envelope([]));

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new (postgresDriver().Client)({ connectionString: this.databaseUrl });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'live bus connection lost; reconnecting');
      this.client = undefined;
      if (!this.closed) setTimeout(() => this.start().catch(() => {}), 1000).unref();
    });
    client.on('notification', (message) => {
      if (message.payload) this.hear(message.payload);
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    // What was published meanwhile goes first, in order; the connection is used by batches only after.
    for (let payload = this.pending.shift(); payload !== undefined; payload = this.pending.shift())
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    this.client = client;
  }

  private hear(payload: string): void {
    let parsed: { origin: string; signals?: BusSignal[]; signal?: BusSignal };
    try {
      parsed = JSON.parse(payload);
    } catch (error) {
      this.logger.warn({ err: error }, 'live bus ignored a notification it could not read');
      return;
    }
    if (parsed.origin === this.origin) return;
    // `signal`: one signal per notification, as a node of an earlier version sends them.
    const signals = parsed.signals ?? (parsed.signal ? [parsed.signal] : []);
    for (const signal of signals) for (const listener of this.listeners) listener(signal);
  }

  publish(signal: BusSignal): Promise<void> {
    for (const listener of this.listeners) listener(signal);
    this.outgoing.push(encodeWithin(signal, maxPayloadBytes - this.envelopeBytes));
    if (!this.flushed) {
      const previous = this.sending;
      this.flushed = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => previous)
        .then(() => this.flush());
      this.sending = this.flushed;
    }
    return this.flushed;
  }

  /** Sends this turn's signals in as few notifications as fit; never rejects. */
  private async flush(): Promise<void> {
    this.flushed = undefined;
    const payloads: string[] = [];
    let batch: string[] = [];
    let bytes = this.envelopeBytes;
    for (const encoded of this.outgoing.splice(0)) {
      const size = encoded.bytes + 1;
      if (batch.length && bytes + size > maxPayloadBytes) {
        payloads.push(this.envelope(batch));
        batch = [];
        bytes = this.envelopeBytes;
      }
      batch.push(encoded.text);
      bytes += size;
    }
    if (batch.length) payloads.push(this.envelope(batch));
    const client = this.client;
    if (!client) {
      this.pending.push(...payloads);
      return;
    }
    // One statement at a time, batches in order: the driver queues queries but no longer wants them overlapped.
    for (const payload of payloads) {
      await client.query('select pg_notify($1, $2)', [channel, payload]).catch((error) => {
        this.logger.warn({ err: error }, 'live bus could not notify other processes');
      });
    }
  }

  private envelope(encodedSignals: string[]): string {
    return `{"origin":${JSON.stringify(this.origin)},"signals":[${encodedSignals.join(',')}]}`;
  }

  onSignal(listener: (signal: BusSignal) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.sending;
    await this.client?.end().catch(() => {});
  }
}

interface Encoded {
  text: string;
  bytes: number;
}

/** The signal as JSON within `limit` bytes: a meeting's event too large to travel is left for the log. */
function encodeWithin(signal: BusSignal, limit: number): Encoded {
  const text = JSON.stringify(signal);
  const bytes = Buffer.byteLength(text);
  if (signal.kind !== 'meeting' || !signal.event || bytes <= limit) return { text, bytes };
  const { event: _event, clientCommandId: _id, ...bare } = signal;
  const bareText = JSON.stringify(bare);
  return { text: bareText, bytes: Buffer.byteLength(bareText) };
}
