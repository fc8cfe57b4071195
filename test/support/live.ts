import WebSocket from 'ws';
import type { MeetingCommand, MeetingState } from '../../src/domain/meeting/types.ts';
import {
  LiveConnection,
  type LiveStatus,
  type PendingStore,
  type SocketLike,
} from '../../src/web/live/connection.ts';
import { testOrigin } from './app.ts';

export interface TestLiveClient {
  connection: LiveConnection;
  /** Resolves when the client's state satisfies the predicate. */
  until(predicate: (state: MeetingState) => boolean, timeoutMs?: number): Promise<MeetingState>;
  untilStatus(predicate: (status: LiveStatus) => boolean, timeoutMs?: number): Promise<LiveStatus>;
  send(command: MeetingCommand): string;
  close(): void;
}

/** A real WebSocket client running the same connection code as the browser. */
export function liveClient(
  baseUrl: string,
  meetingId: string,
  cookie: string,
  options: { origin?: string; pendingStore?: PendingStore; busyRetryMs?: number } = {},
): TestLiveClient {
  const waiters = new Set<() => void>();
  const connection = new LiveConnection({
    url: `${baseUrl.replace(/^http/, 'ws')}/api/live`,
    meetingId,
    openSocket: (url) =>
      new WebSocket(url, {
        headers: { cookie, origin: options.origin ?? testOrigin },
      }) as unknown as SocketLike,
    onState: () => {
      for (const w of waiters) w();
    },
    onStatus: () => {
      for (const w of waiters) w();
    },
    retryDelaysMs: [100, 200, 400],
    ...(options.pendingStore ? { pendingStore: options.pendingStore } : {}),
    ...(options.busyRetryMs ? { busyRetryMs: options.busyRetryMs } : {}),
  });
  const wait = <T>(read: () => T | undefined, what: string, timeoutMs = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = read();
        if (value !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `timed out waiting for ${what}; status ${JSON.stringify(connection.status)}, lastSeq ${connection.state?.lastSeq}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    connection,
    until: (predicate, timeoutMs) =>
      wait(
        () => (connection.state && predicate(connection.state) ? connection.state : undefined),
        'state',
        timeoutMs,
      ),
    untilStatus: (predicate, timeoutMs) =>
      wait(() => (predicate(connection.status) ? connection.status : undefined), 'status', timeoutMs),
    send: (command) => connection.send(command),
    close: () => connection.close(),
  };
}
