/**
 * The shared countdown. The server owns it: every change is stamped with the event's server time, and
 * the state holds a deadline (running) or what was left (paused), never a ticking number. Clients show
 * `remainingMs(timer, serverNow)` with serverNow = their clock corrected by `clockOffset`.
 * The countdown never moves the meeting on: it just runs into overtime (negative remaining).
 */

export type TimerState =
  | { status: 'idle' }
  /** plannedMs: the stage's or step's own duration, what reset returns to; durationMs adds extensions. */
  | { status: 'running'; plannedMs: number; durationMs: number; deadlineMs: number }
  | { status: 'paused'; plannedMs: number; durationMs: number; remainingMs: number };

export const idleTimer: TimerState = { status: 'idle' };
const minute = 60_000;

/** Epoch milliseconds of a server ISO timestamp; a malformed one counts as 0 rather than poisoning sums. */
export function msOf(at: string): number {
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? ms : 0;
}

export function startTimer(minutes: number, nowMs: number): TimerState {
  const plannedMs = minutes * minute;
  return { status: 'running', plannedMs, durationMs: plannedMs, deadlineMs: nowMs + plannedMs };
}

export function pauseTimer(timer: TimerState, nowMs: number): TimerState {
  if (timer.status !== 'running') return timer;
  const { plannedMs, durationMs } = timer;
  return { status: 'paused', plannedMs, durationMs, remainingMs: timer.deadlineMs - nowMs };
}

export function resumeTimer(timer: TimerState, nowMs: number): TimerState {
  if (timer.status !== 'paused') return timer;
  const { plannedMs, durationMs } = timer;
  return { status: 'running', plannedMs, durationMs, deadlineMs: nowMs + timer.remainingMs };
}

/** Adds minutes to what is left, also when the stage already runs over. */
export function extendTimer(timer: TimerState, minutes: number): TimerState {
  const extra = minutes * minute;
  if (timer.status === 'running')
    return { ...timer, durationMs: timer.durationMs + extra, deadlineMs: timer.deadlineMs + extra };
  if (timer.status === 'paused')
    return { ...timer, durationMs: timer.durationMs + extra, remainingMs: timer.remainingMs + extra };
  return timer;
}

/** Back to the planned duration, dropping extensions; a paused timer stays paused. */
export function resetTimer(timer: TimerState, nowMs: number): TimerState {
  if (timer.status === 'running')
    return { ...timer, durationMs: timer.plannedMs, deadlineMs: nowMs + timer.plannedMs };
  if (timer.status === 'paused')
    return { ...timer, durationMs: timer.plannedMs, remainingMs: timer.plannedMs };
  return timer;
}

/** Milliseconds left at server time serverNowMs; negative when over time; null when no countdown runs. */
export function remainingMs(timer: TimerState, serverNowMs: number): number | null {
  if (timer.status === 'running') return timer.deadlineMs - serverNowMs;
  if (timer.status === 'paused') return timer.remainingMs;
  return null;
}

/**
 * How far the server's clock is ahead of the client's (add it to the client's clock to get server time).
 * The message left the server at serverSentAtMs and took about half the round trip to arrive.
 */
export function clockOffset(serverSentAtMs: number, clientReceivedAtMs: number, roundTripMs: number): number {
  return serverSentAtMs + Math.max(0, roundTripMs) / 2 - clientReceivedAtMs;
}

/** The sample with the shortest round trip has the least uncertainty in its offset. */
export function bestClockOffset(
  samples: readonly { serverSentAtMs: number; clientReceivedAtMs: number; roundTripMs: number }[],
): number {
  let best: (typeof samples)[number] | undefined;
  for (const s of samples) if (!best || s.roundTripMs < best.roundTripMs) best = s;
  return best ? clockOffset(best.serverSentAtMs, best.clientReceivedAtMs, best.roundTripMs) : 0;
}

export function serverNow(clientNowMs: number, offsetMs: number): number {
  return clientNowMs + offsetMs;
}

/** A presenter's airtime so far, counting the stretch they hold the floor now. */
export function airtimeMs(
  turn: { airtimeMs: number; floorSinceMs: number | null },
  serverNowMs: number,
): number {
  return turn.airtimeMs + (turn.floorSinceMs === null ? 0 : Math.max(0, serverNowMs - turn.floorSinceMs));
}

/** "4:05", or "-1:30" when over time. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
