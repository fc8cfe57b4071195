import type { ClientMessage, LiveErrorCode as ServerErrorCode, ServerMessage } from '../../contract/live.ts';
import { initialState, needsResync, reduce } from '../../domain/meeting/reducer.ts';
import type { Refusal } from '../../domain/meeting/refusals.ts';
import { clockOffset } from '../../domain/meeting/timer.ts';
import type { MeetingCommand, MeetingState } from '../../domain/meeting/types.ts';

/** The server's error codes, and the two ways a closed socket says that retrying would not help. */
export type LiveErrorCode = ServerErrorCode | 'signed-out' | 'forbidden';

/** The parts of a WebSocket this client uses, so Node tests can pass `ws` and browsers their own. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface PendingCommand {
  id: string;
  command: MeetingCommand;
}

/** Where unacknowledged commands wait, so input typed while offline survives a reload too. */
export interface PendingStore {
  load(meetingId: string): PendingCommand[];
  save(meetingId: string, pending: PendingCommand[]): void;
}

export const memoryPendingStore = (): PendingStore => {
  const map = new Map<string, PendingCommand[]>();
  return { load: (id) => map.get(id) ?? [], save: (id, p) => void map.set(id, p) };
};

export interface LiveStatus {
  connection: 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Server time minus client time, in ms, to correct countdowns for clock skew. */
  clockOffsetMs: number;
  pending: number;
  /** The last command the server refused, as its code and values (the room renders the sentence). */
  lastRefusal: Refusal | null;
  /** Why the room cannot be shown, as a code the page puts into words (`meeting.live.error.<code>`). */
  error: LiveErrorCode | null;
}

export interface LiveConnectionOptions {
  url: string;
  meetingId: string;
  openSocket: (url: string) => SocketLike;
  pendingStore?: PendingStore;
  onState?: (state: MeetingState) => void;
  onStatus?: (status: LiveStatus) => void;
  newId?: () => string;
  /** The longest wait before each reconnect attempt, the last one repeated (see `reconnectDelay`). */
  retryDelaysMs?: readonly number[];
  /** A number in [0, 1) for the reconnect jitter: Math.random unless a test fixes it. */
  random?: () => number;
  /** How long to wait before resending a command the server was too busy to take (doubled at most). */
  busyRetryMs?: number;
}

export const defaultRetryDelaysMs: readonly number[] = [250, 500, 1000, 2000, 4000, 8000];

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first): anywhere from nothing up to
 * the ladder's step for that attempt ("full jitter"). A restart drops every socket at the same
 * moment; with the bare ladder they would all come back in lockstep, in waves at the same instants.
 * Spread over the whole window, each wave is a trickle the new process can take.
 */
export function reconnectDelay(
  attempt: number,
  ladder: readonly number[] = defaultRetryDelaysMs,
  random: () => number = Math.random,
): number {
  const ceiling = ladder[Math.min(attempt, ladder.length - 1)] ?? 0;
  return Math.floor(random() * ceiling);
}

/**
 * A meeting as one client sees it: joins the room, folds events with the shared reducer, resends
 * unacknowledged commands after a reconnect (the server applies each command id once) and catches up
 * from the last event it saw.
 */
export class LiveConnection {
  state: MeetingState | null = null;
  status: LiveStatus = {
    connection: 'connecting',
    clockOffsetMs: 0,
    pending: 0,
    lastRefusal: null,
    error: null,
  };
  private socket: SocketLike | null = null;
  private pending: PendingCommand[];
  private attempts = 0;
  private stopped = false;
  private pingSentAt = 0;
  private readonly store: PendingStore;

  constructor(private readonly options: LiveConnectionOptions) {
    this.store = options.pendingStore ?? memoryPendingStore();
    this.pending = this.store.load(options.meetingId);
    this.connect();
  }

  send(command: MeetingCommand): string {
    const id = (this.options.newId ?? (() => crypto.randomUUID()))();
    this.pending.push({ id, command });
    this.persist();
    this.transmit({ t: 'cmd', meetingId: this.options.meetingId, id, command });
    return id;
  }

  close(): void {
    this.stopped = true;
    this.socket?.close(1000, 'bye');
    this.update({ connection: 'closed' });
  }

  private connect(): void {
    const socket = this.options.openSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.update({ connection: 'open', error: null });
      this.transmit({ t: 'join', meetingId: this.options.meetingId, afterSeq: this.state?.lastSeq ?? 0 });
      this.pingSentAt = Date.now();
      this.transmit({ t: 'ping', c: this.pingSentAt });
    };
    socket.onmessage = (event) => this.receive(JSON.parse(String(event.data)) as ServerMessage);
    socket.onclose = (event) => {
      this.socket = null;
      if (this.stopped) return;
      // 4401/4403: not signed in or no longer in the set; retrying would not help.
      if (event.code === 4401 || event.code === 4403) {
        this.update({ connection: 'closed', error: event.code === 4401 ? 'signed-out' : 'forbidden' });
        return;
      }
      this.update({ connection: 'reconnecting' });
      const delay = reconnectDelay(this.attempts++, this.options.retryDelaysMs, this.options.random);
      setTimeout(() => !this.stopped && this.connect(), delay);
    };
    socket.onerror = () => {};
  }

  private transmit(message: ClientMessage): void {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  private receive(message: ServerMessage): void {
    switch (message.t) {
      case 'snapshot': {
        // A snapshot holding the whole log (a first join, or the meeting started on a fresh setup)
        // replaces what we had; otherwise it brings what we missed.
        const whole = message.events[0]?.seq === 1;
        const base =
          this.state && this.state.setup.meetingId === message.meetingId && !whole
            ? this.state
            : initialState(message.setup);
        this.state = message.events.reduce(reduce, base);
        this.options.onState?.(this.state);
        // Anything typed while away goes out again; the server ignores ids it has already applied.
        for (const p of this.pending)
          this.transmit({ t: 'cmd', meetingId: this.options.meetingId, id: p.id, command: p.command });
        break;
      }
      case 'event':
        if (!this.state) return;
        if (needsResync(this.state, message.event)) {
          this.transmit({ t: 'join', meetingId: this.options.meetingId, afterSeq: this.state.lastSeq });
          return;
        }
        this.state = reduce(this.state, message.event);
        this.options.onState?.(this.state);
        break;
      case 'ack':
        this.status = { ...this.status, lastRefusal: null };
        this.forget(message.id);
        break;
      case 'nack':
        // Busy: not refused, just not now. The command stays queued and goes again shortly.
        if (message.code === 'busy') {
          this.resendLater(message.id);
          break;
        }
        // The refusal is recorded before the command leaves the queue, so whoever waits sees both.
        this.status = {
          ...this.status,
          lastRefusal: message.params
            ? { code: message.code, params: message.params }
            : { code: message.code },
        };
        this.forget(message.id);
        break;
      case 'pong': {
        const now = Date.now();
        this.update({ clockOffsetMs: clockOffset(message.s, now, now - message.c) });
        break;
      }
      case 'error':
        this.update({ error: message.code });
        break;
      default:
        break;
    }
  }

  private resendLater(id: string): void {
    const delayMs = (this.options.busyRetryMs ?? 1000) * (1 + Math.random());
    setTimeout(() => {
      const waiting = this.pending.find((p) => p.id === id);
      if (!waiting || this.stopped || this.status.connection !== 'open') return;
      this.transmit({ t: 'cmd', meetingId: this.options.meetingId, id, command: waiting.command });
    }, delayMs);
  }

  private forget(id: string): void {
    this.pending = this.pending.filter((p) => p.id !== id);
    this.persist();
  }

  private persist(): void {
    this.store.save(this.options.meetingId, this.pending);
    this.update({ pending: this.pending.length });
  }

  private update(patch: Partial<LiveStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.status);
  }
}
