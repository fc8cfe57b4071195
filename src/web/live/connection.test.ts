import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage } from '../../contract/live.ts';
import { defaultRetryDelaysMs, LiveConnection, reconnectDelay, type SocketLike } from './connection.ts';

/** A socket that opens when told to and records what the client sends. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientMessage[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {}
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  /** The connection dropped from the server's side (a restart: code 1006, no close frame). */
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

const meetingId = '00000000-0000-4000-8000-000000000001';

/** The other end: while up, a socket opens; while down, it is refused (closes without opening). */
const server = { up: true };

/** A client of that server; `opened` holds each socket it asked for, with the time it asked. */
function client(options: { random?: () => number; retryDelaysMs?: number[] } = {}) {
  const opened: { socket: FakeSocket; at: number }[] = [];
  const connection = new LiveConnection({
    url: 'ws://test/api/live',
    meetingId,
    openSocket: () => {
      const socket = new FakeSocket();
      opened.push({ socket, at: Date.now() });
      queueMicrotask(() => (server.up ? socket.open() : socket.drop()));
      return socket;
    },
    ...options,
  });
  return { connection, opened };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe('reconnecting after the server went away', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    server.up = true;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spreads a thousand clients dropped at once over the whole first window, not in lockstep', async () => {
    const clients = Array.from({ length: 1000 }, () => client());
    await vi.advanceTimersByTimeAsync(0);
    const droppedAt = Date.now();
    for (const c of clients) c.opened[0]!.socket.drop();
    const window = defaultRetryDelaysMs[0]!;
    await vi.advanceTimersByTimeAsync(window);
    const delays = clients.map((c) => c.opened[1]!.at - droppedAt).sort((a, b) => a - b);
    expect(delays).toHaveLength(1000);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(window);
    // Uniform over the window: each quantile close to its share of it (10% of the window either way
    // is over five standard deviations for a thousand clients).
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      expect(Math.abs(quantile(delays, q) - q * window), `quantile ${q}`).toBeLessThan(0.1 * window);
    }
    // No bunching: no tenth of the window takes more than 15% of the clients (10% expected).
    const buckets = new Array<number>(10).fill(0);
    for (const d of delays) buckets[Math.floor((d / window) * 10)]!++;
    expect(Math.max(...buckets)).toBeLessThan(150);
    for (const c of clients) c.connection.close();
  });

  it('waits at most the ladder step of each attempt, the last step repeated', () => {
    const ladder = [100, 200, 400];
    expect([0, 1, 2, 3, 9].map((n) => reconnectDelay(n, ladder, () => 0.999))).toEqual([
      99, 199, 399, 399, 399,
    ]);
    expect([0, 1, 2].map((n) => reconnectDelay(n, ladder, () => 0))).toEqual([0, 0, 0]);
    expect(reconnectDelay(4, undefined, () => 0.5)).toBe(defaultRetryDelaysMs[4]! / 2);
  });

  it('comes back, joins from the last event it had and resends what is still unacknowledged', async () => {
    // The test hook makes the jitter fixed: each wait is half its ladder step.
    const { connection, opened } = client({ random: () => 0.5, retryDelaysMs: [100, 200, 400] });
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.status.connection).toBe('open');
    expect(opened[0]!.socket.sent.map((m) => m.t)).toEqual(['join', 'ping']);
    const id = connection.send({ type: 'hand.raise' });

    // The server restarts: the first attempt finds nobody listening, the second gets in.
    server.up = false;
    opened[0]!.socket.drop();
    expect(connection.status.connection).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(49);
    expect(opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened).toHaveLength(2);
    expect(connection.status.connection).toBe('reconnecting');
    server.up = true;
    // The second wait is half of the second step.
    await vi.advanceTimersByTimeAsync(99);
    expect(opened).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened).toHaveLength(3);
    expect(connection.status.connection).toBe('open');
    const back = opened[2]!.socket;
    expect(back.sent[0]).toEqual({ t: 'join', meetingId, afterSeq: 0 });
    expect(connection.status.pending).toBe(1);
    // A snapshot after the join sends the unacknowledged command again, under its own id.
    back.onmessage?.({
      data: JSON.stringify({
        t: 'snapshot',
        meetingId,
        setup: {
          meetingId,
          setId: 's',
          mode: 'facilitated',
          facilitatorIds: [],
          participants: [],
          agenda: [],
          presenterCycle: [],
          groundRules: [],
          openActions: [],
          problems: [],
        },
        events: [],
        serverTime: new Date().toISOString(),
      }),
    });
    expect(back.sent.at(-1)).toEqual({ t: 'cmd', meetingId, id, command: { type: 'hand.raise' } });
    // Once open again the ladder starts from its first step.
    back.drop();
    const again = opened.length;
    await vi.advanceTimersByTimeAsync(50);
    expect(opened).toHaveLength(again + 1);
    connection.close();
  });
});
