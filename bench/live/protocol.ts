/** Messages between the benchmark's orchestrator (bench/live.ts) and its client processes (client.ts). */

export interface SocketSpec {
  /** Index of the meeting among this client process's meetings. */
  m: number;
  /** 0 = facilitator (chair), 1 = presenter, 2..7 = askers. */
  k: number;
  meetingId: string;
  personId: string;
  cookie: string;
  /** A distinct loopback source address per person, as if each joined from their own machine. */
  localAddress: string;
  /** The server this socket connects to (several nodes: a meeting's sockets are spread over them). */
  url?: string;
}

export interface MeetingSpec {
  meetingId: string;
  /** Person ids by k (see SocketSpec.k). */
  people: string[];
}

export type ToClient =
  | {
      type: 'connect';
      url: string;
      origin: string;
      meetings: MeetingSpec[];
      sockets: SocketSpec[];
      joinRatePerSec: number;
      /** Joins (handshake + snapshot) this process has under way at most. */
      maxInFlight: number;
    }
  | { type: 'setup'; presentationsIndex: number; concurrency: number }
  | {
      type: 'load';
      phase: string;
      /** Events per second offered to each meeting (of those set up), spread evenly in time. */
      perMeetingPerSec: number;
      durationMs: number;
      /** After the window, how long to wait for the last events to reach everyone. */
      drainMs: number;
    }
  | { type: 'close' };

export interface LoadResult {
  phase: string;
  windowMs: number;
  offered: number;
  sent: number;
  acked: number;
  nacked: number;
  nackReasons: string[];
  /** Events (sent in the window) that reached all 8 sockets of their meeting, within the window or the drain. */
  completed: number;
  /** Events whose delivery to the last of the 8 sockets happened inside the window. */
  completedInWindow: number;
  /** Per completed event: ms from the command's send to the moment the 8th socket had the event. */
  latencies: number[];
  /** How late the sending loop ran behind its schedule at worst (a busy client process), ms. */
  maxSendLagMs: number;
  /** p99 of this process's event-loop delay during the window, ms. */
  loopDelayP99Ms: number;
  /** Sockets that closed unexpectedly so far. */
  dropped: number;
  /**
   * Exactly once, in order, per socket (checked on every event since the socket joined): events a
   * socket skipped or never got by the end of the drain, events it got twice, and events that came
   * before an earlier one.
   */
  lost: number;
  duplicated: number;
  outOfOrder: number;
}

export type FromClient =
  | { type: 'ready' }
  | { type: 'progress'; joined: number; failed: number }
  | { type: 'connected'; joined: number; failed: number; errors: string[]; ms: number }
  /** failed: meetings left out of the load (a socket missing, or a setup command refused). */
  | { type: 'setupDone'; ok: number; failed: number; reasons: string[]; ms: number }
  | ({ type: 'loadDone' } & LoadResult)
  | { type: 'closed' };
