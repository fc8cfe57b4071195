import type pg from 'pg';
import type { Logger } from 'pino';
import { postgresDriver } from '../store/db.ts';

/**
 * Tells every Revans process that a meeting's log grew, that someone lost access to a set, or that a
 * session ended. Signals
 * carry no content: each process reads the new events from the database, so nothing confidential
 * travels through the bus and a missed signal is repaired by the next one.
 */
export type BusSignal =
  | { kind: 'meeting'; meetingId: string; seq: number }
  | { kind: 'revoke'; setId: string; personId: string }
  /** A session ended (sign-out, revoked, expired, password reset): its sockets close at once. */
  | { kind: 'session-ended'; sessionId: string; userId: string }
  /** An account changed (e.g. two-factor turned on or off): cached sessions of it are looked up again. */
  | { kind: 'user-changed'; userId: string };

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

/** PostgreSQL LISTEN/NOTIFY between app nodes; local listeners hear local signals at once. */
export class PostgresBus implements LiveBus {
  private listeners: ((signal: BusSignal) => void)[] = [];
  private client: pg.Client | undefined;
  private closed = false;
  private readonly origin = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  private pending: string[] = [];

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
      if (!message.payload) return;
      const { origin, signal } = JSON.parse(message.payload) as { origin: string; signal: BusSignal };
      if (origin !== this.origin) for (const listener of this.listeners) listener(signal);
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    this.client = client;
    for (const payload of this.pending.splice(0))
      await client.query('select pg_notify($1, $2)', [channel, payload]);
  }

  publish(signal: BusSignal): Promise<void> {
    for (const listener of this.listeners) listener(signal);
    const payload = JSON.stringify({ origin: this.origin, signal });
    if (!this.client) {
      this.pending.push(payload);
      return Promise.resolve();
    }
    return this.client.query('select pg_notify($1, $2)', [channel, payload]).then(
      () => undefined,
      (error) => {
        this.logger.warn({ err: error }, 'live bus could not notify other processes');
      },
    );
  }

  onSignal(listener: (signal: BusSignal) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
  }
}
